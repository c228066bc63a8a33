package io.marketdesk.intake;

import io.marketdesk.mime.ParsedMail;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sender-authentication policy (SPEC §7): when {@code security.authserv-id} is set, a mail counts
 * as authenticated only with an {@code Authentication-Results} header (RFC 8601) from that server
 * that has {@code dkim=pass} for a domain aligned with the From domain, or {@code spf=pass} (for the
 * From domain when the header names the envelope domain). Headers from any other server are ignored:
 * anyone can write one. Stateless and thread-safe.
 */
public final class SenderAuthentication {
  private static final Pattern DKIM = Pattern.compile("\\bdkim\\s*=\\s*(\\w+)([^;]*)");
  private static final Pattern SPF = Pattern.compile("\\bspf\\s*=\\s*(\\w+)([^;]*)");
  private static final Pattern HEADER_D = Pattern.compile("header\\.(?:d|i)\\s*=\\s*@?([\\w.-]+)");
  private static final Pattern MAILFROM = Pattern.compile("smtp\\.mailfrom\\s*=\\s*(?:[^@\\s;]*@)?([\\w.-]+)");

  private final String authservId;

  public SenderAuthentication(String authservId) {
    this.authservId = authservId == null ? "" : authservId.trim().toLowerCase(Locale.ROOT);
  }

  public boolean enabled() {
    return !authservId.isEmpty();
  }

  /** True when the policy is off, or the mail passes it. */
  public boolean authenticated(ParsedMail mail) {
    if (!enabled()) {
      return true;
    }
    String from = mail.fromAddress();
    if (from == null || from.indexOf('@') < 0) {
      return false;
    }
    String fromDomain = from.substring(from.indexOf('@') + 1).toLowerCase(Locale.ROOT);
    for (String header : mail.headers().all("Authentication-Results")) {
      String v = header.replaceAll("\\([^)]*\\)", " ").replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
      int semi = v.indexOf(';');
      String id = (semi < 0 ? v : v.substring(0, semi)).trim().split(" ")[0];
      if (!id.equals(authservId) || semi < 0) {
        continue;
      }
      String results = v.substring(semi + 1);
      Matcher d = DKIM.matcher(results);
      while (d.find()) {
        if (d.group(1).equals("pass")) {
          Matcher dom = HEADER_D.matcher(d.group(2));
          if (!dom.find() || aligned(dom.group(1), fromDomain)) {
            return true;
          }
        }
      }
      Matcher s = SPF.matcher(results);
      while (s.find()) {
        if (s.group(1).equals("pass")) {
          Matcher dom = MAILFROM.matcher(s.group(2));
          if (!dom.find() || aligned(dom.group(1), fromDomain)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Relaxed alignment: the same domain, or one a subdomain of the other. */
  static boolean aligned(String a, String b) {
    return a.equals(b) || a.endsWith("." + b) || b.endsWith("." + a);
  }
}
