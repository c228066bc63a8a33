package io.marketdesk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * A real MTA for tests: Debian's Postfix ({@code postfix}) started from its binary with a
 * configuration of its own in a temp folder ({@code postfix -c DIR start-fg}: no system
 * configuration, no system service, its own queue), on loopback and free ports only:
 *
 * <ul>
 *   <li>{@link #smtpPort()}, the MX: takes mail for the given domains from anyone, without a login,
 *       as port 25 does;
 *   <li>{@link #submissionPort()}, submission: STARTTLS required on the certificate of {@link
 *       TestCertificates}, then a SASL login through Dovecot's auth service; only then relays;
 * </ul>
 *
 * and delivers every mail for those domains to Dovecot's LMTP, which knows the mailboxes
 * ({@code recipient_delimiter = +}: {@code market+TOKEN@} is {@code market}'s). A recipient Dovecot
 * does not know is refused by LMTP after Postfix took the mail, so Postfix bounces it: a real
 * null-sender DSN to the envelope sender. {@link #stop()} and {@link #start()} keep the queue: a mail
 * Postfix took is delivered after a restart. docs/DEPLOY.md quotes this configuration.
 *
 * <p>Needs root: Postfix runs its daemons as its own user {@code postfix}.
 */
public final class Postfix implements AutoCloseable {
  /** Where Debian installs the command. */
  public static final Path BINARY = Path.of("/usr/sbin/postfix");

  private final Path dir;
  private final Path conf;
  private final int smtpPort;
  private final int submissionPort;
  private Process process;

  private Postfix(Path dir, int smtpPort, int submissionPort) {
    this.dir = dir;
    this.conf = dir.resolve("conf");
    this.smtpPort = smtpPort;
    this.submissionPort = submissionPort;
  }

  /** Skips (in CI: fails) the calling test when Postfix is not installed. */
  public static void assumeInstalled() {
    Installed.require(BINARY, "postfix");
    Installed.requireRoot("Postfix runs its daemons as user postfix");
  }

  /**
   * Writes the configuration and starts Postfix: mail for {@code domains} goes to the LMTP of {@code
   * dovecot}, logins are checked by its auth service, TLS uses {@code certs}' server certificate.
   */
  public static Postfix start(List<String> domains, Dovecot dovecot, TestCertificates certs) {
    assumeInstalled();
    try {
      Path dir = Files.createTempDirectory("marketdesk-postfix");
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      Postfix p = new Postfix(dir, freePort(), freePort());
      p.writeConfig(domains, dovecot, certs);
      p.start();
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeConfig(List<String> domains, Dovecot dovecot, TestCertificates certs) throws IOException {
    Files.createDirectories(conf);
    Files.createDirectories(dir.resolve("queue"));
    Path data = Files.createDirectories(dir.resolve("data"));
    UserPrincipalLookupService users = data.getFileSystem().getUserPrincipalLookupService();
    Files.setOwner(data, users.lookupPrincipalByName("postfix"));
    String main = """
        # written by the marketdesk tests; no system configuration is read
        compatibility_level = 3.6
        queue_directory = %1$s/queue
        data_directory = %1$s/data
        mail_owner = postfix
        setgid_group = postdrop
        maillog_file = %1$s/postfix.log
        maillog_file_prefixes = %1$s
        inet_interfaces = 127.0.0.1
        inet_protocols = ipv4
        myhostname = mx.marketdesk.test
        mydomain = marketdesk.test
        myorigin = $mydomain
        mydestination =
        local_recipient_maps =
        alias_maps =
        alias_database =
        mynetworks = 127.0.0.1/32
        biff = no
        smtp_dns_support_level = disabled
        # the domains whose mail Dovecot holds: every recipient goes to its LMTP, which knows the
        # mailboxes; an unknown one is refused there, and Postfix bounces it (a null-sender DSN)
        relay_domains = %2$s
        relay_recipient_maps =
        relay_transport = lmtp:inet:127.0.0.1:%3$d
        recipient_delimiter = +
        # the MX takes mail for those domains only, from anyone
        smtpd_relay_restrictions = reject_unauth_destination
        # TLS on the certificate of the tests' private CA; logins only over TLS, through Dovecot
        smtpd_tls_cert_file = %4$s
        smtpd_tls_key_file = %5$s
        smtpd_tls_security_level = may
        smtpd_tls_auth_only = yes
        smtpd_sasl_type = dovecot
        smtpd_sasl_path = inet:127.0.0.1:%6$d
        smtp_tls_security_level = none
        lmtp_tls_security_level = none
        # (tests only) a deferred mail is tried again within seconds, not minutes
        queue_run_delay = 1s
        minimal_backoff_time = 1s
        maximal_backoff_time = 2s
        """.formatted(dir, String.join(", ", domains), dovecot.lmtpPort(), certs.serverCert(), certs.serverKey(),
        dovecot.authPort());
    String master = """
        # service type  private unpriv  chroot  wakeup  maxproc command + args
        127.0.0.1:%1$d inet n - n - - smtpd
        127.0.0.1:%2$d inet n - n - - smtpd
          -o syslog_name=postfix/submission
          -o smtpd_tls_security_level=encrypt
          -o smtpd_sasl_auth_enable=yes
          -o smtpd_client_restrictions=permit_sasl_authenticated,reject
          -o smtpd_relay_restrictions=permit_sasl_authenticated,reject
        pickup    unix  n       -       n       60      1       pickup
        cleanup   unix  n       -       n       -       0       cleanup
        qmgr      unix  n       -       n       300     1       qmgr
        tlsmgr    unix  -       -       n       1000?   1       tlsmgr
        rewrite   unix  -       -       n       -       -       trivial-rewrite
        bounce    unix  -       -       n       -       0       bounce
        defer     unix  -       -       n       -       0       bounce
        trace     unix  -       -       n       -       0       bounce
        verify    unix  -       -       n       -       1       verify
        flush     unix  n       -       n       1000?   0       flush
        proxymap  unix  -       -       n       -       -       proxymap
        proxywrite unix -       -       n       -       1       proxymap
        smtp      unix  -       -       n       -       -       smtp
        relay     unix  -       -       n       -       -       smtp
        showq     unix  n       -       n       -       -       showq
        error     unix  -       -       n       -       -       error
        retry     unix  -       -       n       -       -       error
        discard   unix  -       -       n       -       -       discard
        lmtp      unix  -       -       n       -       -       lmtp
        anvil     unix  -       -       n       -       1       anvil
        scache    unix  -       -       n       -       1       scache
        postlog   unix-dgram n  -       n       -       1       postlogd
        """.formatted(smtpPort, submissionPort);
    Files.writeString(conf.resolve("main.cf"), main);
    Files.writeString(conf.resolve("master.cf"), master);
    // creates the queue's folders with their owners and modes
    run(BINARY.toString(), "-c", conf.toString(), "check");
  }

  /** Starts Postfix (again, after {@link #stop()}: same ports, same queue). */
  public synchronized void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    try {
      process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString(), "start-fg")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("postfix.out").toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Awaitility.await("Postfix on ports " + smtpPort + " and " + submissionPort).atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> {
          if (!process.isAlive()) {
            throw new IllegalStateException("Postfix exited: " + output());
          }
          return greets(smtpPort) && greets(submissionPort);
        });
  }

  private static boolean greets(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      s.setSoTimeout(5000);
      InputStream in = s.getInputStream();
      byte[] b = new byte[64];
      int n = in.read(b);
      return n > 0 && new String(b, 0, n, StandardCharsets.US_ASCII).startsWith("220");
    } catch (IOException e) {
      return false;
    }
  }

  /** Stops Postfix ({@code postfix stop}); its queue stays. */
  public synchronized void stop() {
    Process p = process;
    if (p == null) {
      return;
    }
    List<ProcessHandle> children = p.descendants().toList();
    try {
      run(BINARY.toString(), "-c", conf.toString(), "stop");
    } catch (IllegalStateException e) {
      // not running (any more): the process is ended below
    }
    try {
      if (!p.waitFor(15, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (ProcessHandle c : children) {
      c.destroyForcibly();
    }
    process = null;
  }

  /**
   * Delivers the deferred mail now ({@code postfix flush}, as an operator would after the mail
   * server behind came back), instead of after the queue manager's backoff.
   */
  public void flush() {
    run(BINARY.toString(), "-c", conf.toString(), "flush");
  }

  /** The MX port: mail for the domains, from anyone, no login. */
  public int smtpPort() {
    return smtpPort;
  }

  /** Submission: STARTTLS, then a login; relays for the logged-in user. */
  public int submissionPort() {
    return submissionPort;
  }

  /** The {@code smtp.url} of a mailbox that sends through submission. */
  public String smtpUrl(String user) {
    return "smtp://" + user.replace("@", "%40") + ":" + Dovecot.PASSWORD + "@127.0.0.1:" + submissionPort
        + "?starttls=true";
  }

  /** Postfix's log: every mail's queue ID, its deliveries (status=sent, status=bounced) and its DSN. */
  public String log() {
    try {
      Path log = dir.resolve("postfix.log");
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String output() {
    try {
      Path out = dir.resolve("postfix.out");
      return (Files.exists(out) ? Files.readString(out) : "") + log();
    } catch (IOException e) {
      return e.toString();
    }
  }

  private void run(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out + output());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temp folder left behind is harmless
    }
  }
}
