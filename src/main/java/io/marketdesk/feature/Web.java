package io.marketdesk.feature;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import io.marketdesk.template.Catalog;
import io.marketdesk.template.Templates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;

/**
 * What routes share: templates, the API token check, the page language. Thread-safe.
 *
 * <p>Every route under {@code /api/} needs the bearer token, checked once for all of them before the
 * route runs ({@code WebServer}); a route that is public on purpose (the status counts) says so with
 * {@link Access#PUBLIC} where it is added.
 */
public final class Web {
  /** The route role of an {@code /api/} route anyone may call without the token. */
  public enum Access implements RouteRole {
    PUBLIC
  }

  private final Templates templates;
  private final String apiToken;
  private final String baseUrl;

  public Web(Templates templates, String apiToken, String baseUrl) {
    this.templates = templates;
    this.apiToken = apiToken;
    this.baseUrl = baseUrl;
  }

  /** Answers 401 unless the request has {@code Authorization: Bearer <api.token>}. */
  public void requireApiToken(Context ctx) {
    String h = ctx.header("Authorization");
    String given = h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : "";
    if (apiToken.isEmpty() || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), apiToken.getBytes(StandardCharsets.UTF_8))) {
      throw new ApiException(401, "a valid bearer token is required (Authorization: Bearer <api.token>)");
    }
  }

  /** The request attribute holding the message catalog, whose languages a page may be in. */
  public static final String CATALOG = "marketdesk.catalog";

  /**
   * The page language: {@code ?lang=CODE} of a language there are files for, else the one the
   * browser's Accept-Language asks for by the tags of {@code messages/languages.txt} (zh-TW, zh-HK,
   * zh-MO and zh-Hant read as zh-Hant, other Chinese as zh, any other as en), else the default, zh.
   */
  public static String lang(Context ctx) {
    Catalog catalog = ctx.attribute(CATALOG);
    List<String> codes = catalog == null ? List.of("zh", "zh-Hant", "en") : catalog.languageCodes();
    String q = ctx.queryParam("lang");
    if (q != null) {
      for (String code : codes) {
        if (code.equalsIgnoreCase(q.strip())) {
          return code;
        }
      }
    }
    String al = ctx.header("Accept-Language");
    if (catalog != null) {
      return catalog.languageFor(al);
    }
    if (al == null || al.isBlank()) {
      return "zh";
    }
    String first = al.split(",")[0].trim().toLowerCase(Locale.ROOT);
    if (first.startsWith("zh-tw") || first.startsWith("zh-hk") || first.startsWith("zh-mo") || first.startsWith("zh-hant")) {
      return "zh-Hant";
    }
    return first.startsWith("zh") ? "zh" : "en";
  }

  /** Renders a page template ({@code web/NAME.ftlh}, auto-escaped). */
  public void page(Context ctx, String name, Object model) {
    ctx.contentType("text/html; charset=utf-8");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; script-src 'none'");
    ctx.result(templates.render("web/" + name + ".ftlh", model));
  }

  public Templates templates() {
    return templates;
  }

  public String baseUrl() {
    return baseUrl;
  }
}
