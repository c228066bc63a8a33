package io.marketdesk.intake;

import com.google.common.net.InternetDomainName;
import io.marketdesk.mime.ParsedMail;
import java.util.List;
import java.util.Locale;

/**
 * Whether our own mail server vouches for a mail's From (docs/security.md). With {@code
 * security.authserv-id} set, a mail is authenticated when the topmost {@code Authentication-Results}
 * header(s) (RFC 8601) carry that id and report either {@code dkim=pass} with a signing domain
 * ({@code header.d}, else the domain of {@code header.i}) in the From's organizational domain, or
 * {@code spf=pass} for an envelope sender ({@code smtp.mailfrom}) in that organizational domain. The
 * organizational domain is the registrable domain by the Public Suffix List (docs/adr/0009), so
 * {@code mail.provider-a.test} aligns with {@code provider-a.test} but {@code test} aligns with
 * nothing. {@code smtp.helo} proves nothing: it names the sending host, not the sender.
 *
 * <p>Only the headers our server added count: a receiving server puts its header on top, so the run
 * of {@code Authentication-Results} headers with our id at the top of the list is ours; a header with
 * our id below one with another id (or none) was written by someone upstream, that is by anyone.
 * Stateless and thread-safe.
 */
public final class SenderAuthentication {
  private final String authservId;

  public SenderAuthentication(String authservId) {
    this.authservId = authservId == null ? "" : authservId.trim().toLowerCase(Locale.ROOT);
  }

  /** True when {@code security.authserv-id} is set. */
  public boolean enabled() {
    return !authservId.isEmpty();
  }

  /** True when the policy is on and our server vouches for the mail's From. */
  public boolean authenticated(ParsedMail mail) {
    return enabled() && authenticated(mail.fromAddress(), mail.headers().all("Authentication-Results"));
  }

  /** The check on a From address and the header values in mail order (top first). */
  boolean authenticated(String from, List<String> headers) {
    if (!enabled() || from == null || from.indexOf('@') < 0) {
      return false;
    }
    String fromOrg = organizational(from.substring(from.lastIndexOf('@') + 1));
    if (fromOrg.isEmpty()) {
      return false;
    }
    for (String header : headers) {
      AuthenticationResults ar = AuthenticationResults.parse(header);
      if (!ar.authservId().equals(authservId)) {
        return false;
      }
      for (AuthenticationResults.Result r : ar.results()) {
        if (!r.result().equals("pass")) {
          continue;
        }
        if (r.method().equals("dkim")) {
          String d = r.property("header.d").orElseGet(() -> domainOf(r.property("header.i").orElse("")));
          if (fromOrg.equals(organizational(d))) {
            return true;
          }
        } else if (r.method().equals("spf")) {
          String mailFrom = domainOf(r.property("smtp.mailfrom").orElse(""));
          if (fromOrg.equals(organizational(mailFrom))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static String domainOf(String addressOrDomain) {
    int at = addressOrDomain.lastIndexOf('@');
    return at < 0 ? addressOrDomain : addressOrDomain.substring(at + 1);
  }

  /**
   * The organizational domain: the registrable domain by the Public Suffix List; for a name under no
   * listed suffix (such as {@code .test}), its last two labels, as DMARC does; "" for a bare suffix,
   * a single label, or no valid domain name.
   */
  static String organizational(String domain) {
    String d = domain.trim().toLowerCase(Locale.ROOT);
    while (d.endsWith(".")) {
      d = d.substring(0, d.length() - 1);
    }
    if (d.isEmpty() || !InternetDomainName.isValid(d)) {
      return "";
    }
    InternetDomainName name = InternetDomainName.from(d);
    if (name.isUnderPublicSuffix()) {
      return name.topPrivateDomain().toString();
    }
    if (name.isPublicSuffix() || name.parts().size() < 2) {
      return "";
    }
    List<String> parts = name.parts();
    return parts.get(parts.size() - 2) + "." + parts.get(parts.size() - 1);
  }
}
