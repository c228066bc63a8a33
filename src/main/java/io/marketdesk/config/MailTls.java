package io.marketdesk.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for the mail connections (IMAPS, SMTPS, STARTTLS). The server's certificate must chain to a
 * trusted CA and name the host the URL names, always: the trust anchors are those of
 * {@code mail.trust-store} when it is set (a PEM file of CA certificates, or a PKCS12/JKS store with
 * {@code mail.trust-store-password}), so that a private CA works without touching the JDK's, and
 * the JDK's otherwise. Nothing is ever trusted without a check. Immutable and thread-safe.
 */
public final class MailTls {
  private final SSLSocketFactory factory;
  private final String source;

  private MailTls(SSLSocketFactory factory, String source) {
    this.factory = factory;
    this.source = source;
  }

  /** The JDK's trust anchors. */
  public static MailTls jdkDefault() {
    return new MailTls(hostChecking((SSLSocketFactory) SSLSocketFactory.getDefault()), "the JDK's trust store");
  }

  /**
   * The trust anchors of a file: PEM (one or more {@code -----BEGIN CERTIFICATE-----} blocks), else a
   * key store of any type the JDK reads (PKCS12, JKS). An empty path gives {@link #jdkDefault()}.
   *
   * @throws IllegalArgumentException when the file cannot be read or holds no certificate
   */
  public static MailTls of(String trustStore, String password) {
    if (trustStore == null || trustStore.isBlank()) {
      return jdkDefault();
    }
    Path file = Path.of(trustStore.trim());
    try {
      KeyStore anchors = load(file, password == null ? "" : password);
      if (anchors.size() == 0) {
        throw new IllegalArgumentException(file + " holds no certificate");
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(anchors);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return new MailTls(hostChecking(ctx.getSocketFactory()), file.toString());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(file + " cannot be read as PEM certificates or a key store: " + e.getMessage(), e);
    }
  }

  private static KeyStore load(Path file, String password) throws IOException, GeneralSecurityException {
    byte[] bytes = Files.readAllBytes(file);
    if (new String(bytes, StandardCharsets.US_ASCII).contains("-----BEGIN CERTIFICATE-----")) {
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      try (InputStream in = Files.newInputStream(file)) {
        Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        int i = 0;
        for (Certificate c : certs) {
          ks.setCertificateEntry("ca-" + i++, c);
        }
      }
      return ks;
    }
    return KeyStore.getInstance(file.toFile(), password.toCharArray());
  }

  /** Where the trust anchors come from (for the start-up log line). */
  public String source() {
    return source;
  }

  /** The socket factory of these anchors; every socket it makes checks the host name. */
  public SSLSocketFactory socketFactory() {
    return factory;
  }

  /**
   * Sets Jakarta Mail's TLS properties of a protocol ({@code imap}, {@code imaps}, {@code smtp},
   * {@code smtps}): this socket factory, for the implicit TLS of the {@code s} protocols and for
   * STARTTLS alike, and the server identity check.
   */
  public void apply(Properties p, String protocol) {
    p.put("mail." + protocol + ".ssl.socketFactory", factory);
    p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
    // no second try with the JDK's own factory when this one refuses the server (Jakarta Mail's default)
    p.put("mail." + protocol + ".socketFactory.fallback", "false");
  }

  /**
   * The log line for a connection refused because of the server's certificate (not trusted, or not
   * for this host), or empty when the failure has another cause.
   */
  public static Optional<String> refusal(Throwable failure, String server) {
    for (Throwable t = failure; t != null; t = next(t)) {
      boolean cert = t instanceof CertificateException || t instanceof SSLException
          || String.valueOf(t.getMessage()).contains("verify identity of server");
      if (cert) {
        return Optional.of("TLS certificate of " + server + " refused (" + rootMessage(t)
            + "): the connection is not used; trust its CA with mail.trust-store, or fix the host name in the URL");
      }
    }
    return Optional.empty();
  }

  private static Throwable next(Throwable t) {
    if (t instanceof jakarta.mail.MessagingException && ((jakarta.mail.MessagingException) t).getNextException() != null) {
      return ((jakarta.mail.MessagingException) t).getNextException();
    }
    return t.getCause() == t ? null : t.getCause();
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  /**
   * Turns on the JDK's host name check (RFC 2818 / RFC 6125, as for HTTPS) on every socket, so that a
   * certificate for another host fails the handshake itself, before a byte of the login is sent.
   */
  private static SSLSocketFactory hostChecking(SSLSocketFactory f) {
    return new EachSslSocket(f, MailTls::hostChecked);
  }

  private static Socket hostChecked(Socket s) {
    if (s instanceof SSLSocket) {
      SSLSocket ssl = (SSLSocket) s;
      SSLParameters params = ssl.getSSLParameters();
      params.setEndpointIdentificationAlgorithm("HTTPS");
      ssl.setSSLParameters(params);
    }
    return s;
  }
}
