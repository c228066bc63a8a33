package io.marketdesk.web;

import io.javalin.http.Context;
import io.marketdesk.template.Templates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/** What routes share: templates, the API token check, the page language. Thread-safe. */
public final class Web {
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

  /**
   * The page language: {@code ?lang=zh|zh-Hant|en}, else the browser's first Accept-Language
   * (zh-TW, zh-HK, zh-MO and zh-Hant read as zh-Hant, other Chinese as zh), else zh.
   */
  public static String lang(Context ctx) {
    String q = ctx.queryParam("lang");
    if ("zh".equals(q) || "en".equals(q) || "zh-Hant".equals(q)) {
      return q;
    }
    String al = ctx.header("Accept-Language");
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
