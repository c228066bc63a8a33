package io.marketdesk.review;

import io.marketdesk.audit.ActedBy;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * An operator's decision as a {@link ReviewKind} sees it: the transaction it runs in, who decided
 * (a person by mail, the demo loader, the CLI...) and when. No mail context, so demo data and the
 * CLI decide the same way a mail does (docs/architecture.md). Immutable.
 */
public record Decision(Handle handle, ActedBy by, Instant at) {}
