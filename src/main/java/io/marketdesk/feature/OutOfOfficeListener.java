package io.marketdesk.feature;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Told of an out-of-office auto-reply ({@link LoopGuard#outOfOffice}) in the mail's transaction,
 * with the tokens the mail presents (its thread's), so that a feature can act on it: the review
 * feature marks an operator away. The mail itself still gets no reply.
 */
@FunctionalInterface
public interface OutOfOfficeListener {
  void outOfOffice(Handle h, String from, List<String> tokens);
}
