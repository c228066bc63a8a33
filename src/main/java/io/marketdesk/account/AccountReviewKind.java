package io.marketdesk.account;

import io.marketdesk.text.Message;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketdesk.audit.AuditLog;
import io.marketdesk.identity.Directory;
import io.marketdesk.identity.Provider;
import io.marketdesk.review.Decision;
import io.marketdesk.review.Review;
import io.marketdesk.review.ReviewKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Account-change reviews (kind {@code account}, subject the account ID): on approval the provider's
 * fields take the values of the request; on rejection nothing changes. Stateless and thread-safe.
 */
public final class AccountReviewKind implements ReviewKind {
  public static final String KIND = "account";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Directory directory;
  private final AuditLog audit;

  public AccountReviewKind(Directory directory, AuditLog audit) {
    this.directory = directory;
    this.audit = audit;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Message approve(Decision d, Review review) {
    Handle h = d.handle();
    Optional<Provider> found = review.providerId() == null ? Optional.empty() : directory.provider(h, review.providerId());
    if (found.isEmpty()) {
      return Message.of("account-review-kind.approve.1");
    }
    Provider before = found.get();
    Map<String, String> values = payload(review.payload());
    for (Map.Entry<String, String> e : values.entrySet()) {
      AccountFields.Field f = field(e.getKey());
      h.createUpdate("UPDATE provider SET " + f.column() + " = :v WHERE id = :id")
          .bind("v", e.getValue())
          .bind("id", before.id())
          .execute();
    }
    Provider after = directory.provider(h, before.id()).orElseThrow();
    audit.record(h, d.by(), "provider", before.accountId(), "account-changed (review #" + review.id() + ")",
        describe(before),
        describe(after));
    return null;
  }

  private static AccountFields.Field field(String key) {
    for (AccountFields.Field f : AccountFields.Field.values()) {
      if (f.key.equals(key)) {
        return f;
      }
    }
    throw new IllegalStateException("unknown account field in review payload: " + key);
  }

  static String describe(Provider p) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<AccountFields.Field, String> e : AccountFields.values(p).entrySet()) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(e.getKey().key).append('=').append(e.getValue());
    }
    return sb.toString();
  }

  static String payloadJson(Map<String, String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> payload(String json) {
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
