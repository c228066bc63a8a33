package io.marketdesk.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.marketdesk.account.AccountFields.Field;
import io.marketdesk.identity.Operator;
import io.marketdesk.identity.Provider;
import io.marketdesk.feature.ApiException;
import io.marketdesk.feature.Web;
import io.marketdesk.feature.WebModule;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The admin API of onboarding (docs/web.md), bearer token required:
 *
 * <pre>
 * POST /api/providers {"accountId", "companyName", "companyAddress", "creditCode", "csPhone", "csEmail",
 *                      "csHours", "contactName", "contactPhone", "contactEmail", "addresses": [..]}
 * POST /api/operators {"name", "addresses": [..]}
 * </pre>
 *
 * 201 with the person when created; 200 unchanged when the very same person is posted again; 400 bad
 * input (not JSON, unknown or mistyped field, a field that breaks its format, each problem listed);
 * 401; 409 when the account ID or an address belongs to someone else; 422 for the service's own
 * address. Errors are {@code {"status": N, "error": "...", "problems": [...]}}.
 */
final class OnboardingApi implements WebModule {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> OPERATOR_KEYS = Set.of("name", "addresses");

  private final Jdbi jdbi;
  private final Onboarding onboarding;

  OnboardingApi(Jdbi jdbi, Onboarding onboarding) {
    this.jdbi = jdbi;
    this.onboarding = onboarding;
  }

  @Override
  public void routes(Javalin app, Web web) {
    app.post("/api/providers", ctx -> {
      JsonNode body = object(ctx);
      Map<Field, String> values = new EnumMap<>(Field.class);
      List<String> problems = new ArrayList<>();
      for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!k.equals("accountId") && !k.equals("addresses") && field(k) == null) {
          problems.add(k + ": unknown field");
        }
      }
      String accountId = text(body, "accountId", problems);
      for (Field f : Field.values()) {
        String v = text(body, f.key, problems);
        values.put(f, v == null ? "" : v);
      }
      List<String> addresses = addresses(body, problems);
      Onboarding.ProviderRequest req = new Onboarding.ProviderRequest(accountId, values, addresses);
      problems.addAll(onboarding.problems(req));
      if (!problems.isEmpty()) {
        throw invalid(ctx, problems);
      }
      Onboarding.Result r = jdbi.inTransaction(h -> onboarding.createProvider(h, req, "api"));
      answer(ctx, r);
    });
    app.post("/api/operators", ctx -> {
      JsonNode body = object(ctx);
      List<String> problems = new ArrayList<>();
      for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!OPERATOR_KEYS.contains(k)) {
          problems.add(k + ": unknown field");
        }
      }
      String name = text(body, "name", problems);
      List<String> addresses = addresses(body, problems);
      problems.addAll(onboarding.operatorProblems(name, addresses));
      if (!problems.isEmpty()) {
        throw invalid(ctx, problems);
      }
      Onboarding.Result r = jdbi.inTransaction(h -> onboarding.createOperator(h, name, addresses, "api"));
      answer(ctx, r);
    });
  }

  private static Field field(String key) {
    for (Field f : Field.values()) {
      if (f.key.equals(key)) {
        return f;
      }
    }
    return null;
  }

  private static JsonNode object(Context ctx) {
    JsonNode body;
    try {
      body = JSON.readTree(ctx.body());
    } catch (Exception e) {
      throw ApiException.badRequest("the body is not valid JSON");
    }
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("the body must be a JSON object");
    }
    return body;
  }

  private static String text(JsonNode body, String key, List<String> problems) {
    JsonNode n = body.get(key);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual() && !(key.equals("accountId") && n.isIntegralNumber())) {
      problems.add(key + ": must be a string");
      return null;
    }
    return n.asText();
  }

  private static List<String> addresses(JsonNode body, List<String> problems) {
    JsonNode n = body.get("addresses");
    List<String> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (n.isTextual()) {
      out.add(n.asText());
      return out;
    }
    if (!n.isArray()) {
      problems.add("addresses: must be an array of email addresses");
      return out;
    }
    for (JsonNode a : n) {
      if (!a.isTextual()) {
        problems.add("addresses: must be an array of email addresses");
        return out;
      }
      out.add(a.asText());
    }
    return out;
  }

  private static ApiException invalid(Context ctx, List<String> problems) {
    return new ApiException(400, String.join("; ", problems));
  }

  private static void answer(Context ctx, Onboarding.Result r) {
    if (r instanceof Onboarding.Created c) {
      ctx.status(201).json(json(c.person()));
    } else if (r instanceof Onboarding.Unchanged u) {
      ctx.status(200).json(json(u.person()));
    } else if (r instanceof Onboarding.Rejected j) {
      throw new ApiException(j.refusal().httpStatus(), String.join("; ", j.problems()));
    }
  }

  static Map<String, Object> json(Object person) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (person instanceof Provider p) {
      m.put("accountId", p.accountId());
      for (Map.Entry<Field, String> e : AccountFields.values(p).entrySet()) {
        m.put(e.getKey().key, e.getValue());
      }
      m.put("addresses", p.addresses());
    } else if (person instanceof Operator o) {
      m.put("id", o.id());
      m.put("name", o.name());
      m.put("addresses", o.addresses());
    }
    return m;
  }
}
