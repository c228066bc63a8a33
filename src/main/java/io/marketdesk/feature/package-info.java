/**
 * What a feature hands the app and the web: its routes ({@link io.marketdesk.feature.WebModule}),
 * its status-page counts ({@link io.marketdesk.feature.StatusContributor}), its part of the personal
 * page ({@link io.marketdesk.feature.PersonalSection}), the small web toolkit those use, all of it
 * collected in a {@link io.marketdesk.feature.Contribution} built from the {@link
 * io.marketdesk.feature.Shared} parts, and the demo people its demo data refers to. This
 * package imports neither {@code app} nor {@code web}, so a feature never does either
 * (docs/architecture.md).
 */
package io.marketdesk.feature;
