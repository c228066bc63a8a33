package io.marketdesk.review;

import io.marketdesk.identity.Away;
import io.marketdesk.identity.Directory;
import io.marketdesk.identity.Operator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Who gets review mails and digests (docs/reviews.md): every operator address not away; when
 * everyone is away, the lead ({@code reviews.lead}), or every operator when no lead is set. Overdue
 * escalations go to the lead, or to the reviewers when no lead is set. Stateless and thread-safe.
 */
final class Reviewers {
  private final Directory directory;
  private final Away away;
  private final String lead;

  Reviewers(Directory directory, Away away, String lead) {
    this.directory = directory;
    this.away = away;
    this.lead = lead == null ? "" : lead;
  }

  /** Every operator, nobody away (a Reviews built without time away). */
  static Reviewers everyone(Directory directory) {
    return new Reviewers(directory, null, "");
  }

  /** The addresses review mails and digests go to at {@code now}. */
  List<String> addresses(Handle h, long now) {
    List<Operator> here = away == null ? directory.operators(h) : away.available(h, now);
    if (here.isEmpty()) {
      return lead.isEmpty() ? all(directory.operators(h)) : List.of(lead);
    }
    return all(here);
  }

  /** The addresses an overdue review escalates to. */
  List<String> escalation(Handle h, long now) {
    return lead.isEmpty() ? addresses(h, now) : List.of(lead);
  }

  private static List<String> all(List<Operator> ops) {
    Set<String> out = new LinkedHashSet<>();
    for (Operator op : ops) {
      out.addAll(op.addresses());
    }
    return new ArrayList<>(out);
  }
}
