package io.marketdesk.review;

import io.marketdesk.token.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Numbered lists of open reviews as one operator was shown them (the daily digest, {@code 待审核}):
 * number N of a list means the review that stood there then, so a decision by number never lands
 * on something the operator did not see (docs/reviews.md). Each list has a token of purpose {@link
 * #TOKEN_PURPOSE} mailed to that operator only; it is not used up by a decision, since one list can
 * be answered in several lines and mails, and a decided item is simply skipped the second time.
 * Stateless and thread-safe.
 */
final class ReviewLists {
  /** The token purpose of a numbered review list. */
  static final String TOKEN_PURPOSE = "review-list";

  /** Number N of a list: the review and its status when listed. */
  record Item(int number, long reviewId, String listedStatus) {}

  /** A stored list. */
  record Listed(long id, String address, String source, long createdAt, List<Item> items) {
    Listed {
      items = List.copyOf(items);
    }

    Optional<Item> item(int number) {
      return number >= 1 && number <= items.size() ? Optional.of(items.get(number - 1)) : Optional.empty();
    }
  }

  /** A list just made and the token that answers it. */
  record Made(long id, String token) {}

  private final Tokens tokens;
  private final Duration ttl;

  ReviewLists(Tokens tokens, Duration ttl) {
    this.tokens = tokens;
    this.ttl = ttl;
  }

  /** Stores the list {@code reviews} (numbered from 1 in this order) for {@code address}. */
  Made create(Handle h, String address, String source, List<Review> reviews, long now) {
    long id = h.createUpdate("INSERT INTO review_list (address, source, created_at) VALUES (:a, :s, :now)")
        .bind("a", address.toLowerCase(Locale.ROOT))
        .bind("s", source)
        .bind("now", now)
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
    var batch = h.prepareBatch("INSERT INTO review_list_item (list_id, number, review_id, listed_status)"
        + " VALUES (:l, :n, :r, :st)");
    int n = 0;
    for (Review r : reviews) {
      batch.bind("l", id).bind("n", ++n).bind("r", r.id()).bind("st", r.status()).add();
    }
    if (n > 0) {
      batch.execute();
    }
    return new Made(id, tokens.issue(h, TOKEN_PURPOSE, String.valueOf(id), address, null, ttl));
  }

  Optional<Listed> find(Handle h, long id) {
    return h.createQuery("SELECT id, address, source, created_at FROM review_list WHERE id = :id")
        .bind("id", id)
        .map((rs, c) -> new Listed(rs.getLong("id"), rs.getString("address"), rs.getString("source"),
            rs.getLong("created_at"), items(h, id)))
        .findFirst();
  }

  private static List<Item> items(Handle h, long id) {
    return h.createQuery("SELECT number, review_id, listed_status FROM review_list_item WHERE list_id = :id ORDER BY number")
        .bind("id", id)
        .map((rs, c) -> new Item(rs.getInt("number"), rs.getLong("review_id"), rs.getString("listed_status")))
        .list();
  }
}
