/**
 * What a feature hands the app and the web: its routes ({@link io.marketdesk.feature.WebModule}),
 * its status-page counts ({@link io.marketdesk.feature.StatusContributor}), its part of the personal
 * page ({@link io.marketdesk.feature.PersonalSection}), and the small web toolkit those use. This
 * package imports neither {@code app} nor {@code web}, so a feature never does either
 * (docs/architecture.md).
 */
package io.marketdesk.feature;
