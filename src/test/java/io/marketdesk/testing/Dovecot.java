package io.marketdesk.testing;

import io.marketdesk.config.MailTls;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * A real IMAP server for tests: Debian's Dovecot ({@code dovecot-imapd}) started from its binary with
 * a minimal configuration of its own in a temp folder (no system configuration), IMAP only, on
 * loopback and a free port, plain login without TLS, users in a passwd-file (password {@code demo}),
 * Maildir under the temp folder. Mail gets into a mailbox by IMAP APPEND (as an MTA would deliver it)
 * or by a file written into the Maildir ({@link #deliverToMaildir}, possible while the server is down).
 *
 * <p>Run as root, Dovecot's own users run its processes ({@code dovecot}, {@code dovenull}) and the
 * mailboxes belong to {@code nobody}; run as another user, everything runs as that user.
 *
 * <p>{@link #startSecure} starts it as a real deployment has it, the half of the mail stack that
 * {@link Postfix} does not do: {@code ssl = required} on a certificate of {@link TestCertificates}
 * (IMAP with STARTTLS, and IMAPS), LMTP for Postfix's deliveries with sub-addressing
 * ({@code recipient_delimiter = +}: {@code market+TOKEN@} lands in {@code market}'s INBOX), and its
 * auth service on a loopback port for Postfix's SASL login. docs/DEPLOY.md quotes this configuration.
 */
public final class Dovecot implements AutoCloseable {
  /** Where Debian installs the server. */
  public static final Path BINARY = Path.of("/usr/sbin/dovecot");
  /** The password of every mailbox. */
  public static final String PASSWORD = "demo";

  private final Path dir;
  private final Path conf;
  private final int port;
  private final List<String> users;
  /** The TLS set-up of {@link #startSecure}, or null (plain IMAP only). */
  private final TestCertificates certs;
  private final int imapsPort;
  private final int lmtpPort;
  private final int authPort;
  private Path certFile;
  private Path keyFile;
  private Process process;
  private final Map<String, AtomicLong> ownLogins = new ConcurrentHashMap<>();

  private Dovecot(Path dir, List<String> users, TestCertificates certs) throws IOException {
    this.dir = dir;
    this.conf = dir.resolve("dovecot.conf");
    this.users = List.copyOf(users);
    this.port = freePort();
    this.certs = certs;
    this.imapsPort = certs == null ? 0 : freePort();
    this.lmtpPort = certs == null ? 0 : freePort();
    this.authPort = certs == null ? 0 : freePort();
    this.certFile = certs == null ? null : certs.serverCert();
    this.keyFile = certs == null ? null : certs.serverKey();
  }

  /**
   * Skips the calling test, with the reason, when Dovecot is not installed (fails it in CI, see
   * {@link Installed}).
   */
  public static void assumeInstalled() {
    Installed.require(BINARY, "dovecot-imapd");
  }

  /** Writes the configuration for these mailboxes and starts the server. */
  public static Dovecot start(List<String> users) {
    return start(users, null);
  }

  /**
   * Starts the server as a deployment has it: {@code ssl = required} on the certificate of {@code
   * certs} for 127.0.0.1 (IMAP with STARTTLS on {@link #port()}, IMAPS on {@link #imapsPort()}), LMTP
   * on {@link #lmtpPort()} with {@code recipient_delimiter = +}, and the auth service for Postfix's
   * SASL on {@link #authPort()}.
   */
  public static Dovecot startSecure(List<String> users, TestCertificates certs) {
    Installed.require(Path.of("/usr/lib/dovecot/lmtp"), "dovecot-lmtpd");
    return start(users, certs);
  }

  private static Dovecot start(List<String> users, TestCertificates certs) {
    assumeInstalled();
    try {
      Path dir = Files.createTempDirectory("marketdesk-dovecot");
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      Path mail = Files.createDirectories(dir.resolve("mail"));
      Files.setPosixFilePermissions(mail, PosixFilePermissions.fromString("rwxrwxrwx"));
      Files.createDirectories(dir.resolve("run"));
      Files.createDirectories(dir.resolve("state"));
      Dovecot d = new Dovecot(dir, users, certs);
      d.writeConfig();
      d.start();
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Serves another certificate from the next start on ({@link #stop()} and {@link #start()}): a
   * client that checks host names must refuse {@link TestCertificates#elsewhereCert()}.
   */
  public void serveCertificate(Path cert, Path key) {
    certFile = cert;
    keyFile = key;
    try {
      writeConfig();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeConfig() throws IOException {
    boolean root = "root".equals(System.getProperty("user.name"));
    String me = System.getProperty("user.name");
    StringBuilder passwd = new StringBuilder();
    for (String u : users) {
      passwd.append(u).append(":{PLAIN}").append(PASSWORD).append("::::::\n");
    }
    Files.writeString(dir.resolve("users"), passwd);
    String accounts = root
        ? """
          default_internal_user = dovecot
          default_internal_group = dovecot
          default_login_user = dovenull
          mail_uid = nobody
          mail_gid = nogroup
          """
        : """
          default_internal_user = %1$s
          default_login_user = %1$s
          mail_uid = %1$s
          """.formatted(me);
    String tls = certs == null
        ? """
          protocols = imap
          ssl = no
          disable_plaintext_auth = no
          """
        : """
          protocols = imap lmtp
          ssl = required
          ssl_cert = <%1$s
          ssl_key = <%2$s
          disable_plaintext_auth = yes
          # market+TOKEN@domain is market@domain's, delivered to its INBOX (not a folder named TOKEN)
          recipient_delimiter = +
          lmtp_save_to_detail_mailbox = no
          service lmtp {
            inet_listener lmtp {
              port = %3$d
            }
          }
          # Postfix's SASL login (smtpd_sasl_type = dovecot) asks this listener
          service auth {
            inet_listener auth-postfix {
              port = %4$d
            }
          }
          """.formatted(certFile, keyFile, lmtpPort, authPort);
    String imaps = certs == null ? "" : """
          inet_listener imaps {
            port = %d
            ssl = yes
          }
        """.formatted(imapsPort);
    String config = """
        # written by the marketdesk tests; no system configuration is read
        base_dir = %1$s/run
        state_dir = %1$s/state
        log_path = %1$s/dovecot.log
        listen = 127.0.0.1
        %4$s
        auth_mechanisms = plain login
        first_valid_uid = 1
        first_valid_gid = 1
        %3$s
        mail_location = maildir:%1$s/mail/%%u
        # what sessions do to mails, in the log: a MOVE shows as copy + expunge, COPY + STORE \\Deleted
        # + EXPUNGE also as delete
        mail_plugins = $mail_plugins notify mail_log
        plugin {
          mail_log_events = delete undelete expunge copy flag_change
          mail_log_fields = uid box msgid flags
        }
        passdb {
          driver = passwd-file
          args = scheme=PLAIN %1$s/users
        }
        userdb {
          driver = passwd-file
          args = %1$s/users
        }
        service imap-login {
          inet_listener imap {
            port = %2$d
          }
        %5$s}
        """.formatted(dir, port, accounts, tls, imaps);
    Files.writeString(conf, config);
  }

  /** Starts the server (again, after {@link #stop()}: same port, same mailboxes). */
  public synchronized void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    try {
      process = new ProcessBuilder(BINARY.toString(), "-F", "-c", conf.toString())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("dovecot.out").toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Awaitility.await("Dovecot on port " + port).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
        .until(() -> {
          if (!process.isAlive()) {
            throw new IllegalStateException("Dovecot exited: " + output());
          }
          return greets();
        });
  }

  private boolean greets() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      s.setSoTimeout(2000);
      InputStream in = s.getInputStream();
      byte[] b = new byte[64];
      int n = in.read(b);
      return n > 0 && new String(b, 0, n, StandardCharsets.US_ASCII).startsWith("* OK");
    } catch (IOException e) {
      return false;
    }
  }

  /** Stops the server and every process of it (open sessions are cut). */
  public synchronized void stop() {
    Process p = process;
    if (p == null) {
      return;
    }
    List<ProcessHandle> children = p.descendants().toList();
    p.destroy();
    try {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
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

  public int port() {
    return port;
  }

  /** IMAPS ({@link #startSecure} only). */
  public int imapsPort() {
    return imapsPort;
  }

  /** LMTP, where Postfix delivers ({@link #startSecure} only). */
  public int lmtpPort() {
    return lmtpPort;
  }

  /** The auth service for Postfix's SASL ({@link #startSecure} only). */
  public int authPort() {
    return authPort;
  }

  /** The {@code imap.url} of a mailbox: {@code imaps://} when started secure. */
  public String imapUrl(String user) {
    return certs == null
        ? "imap://" + user.replace("@", "%40") + ":" + PASSWORD + "@127.0.0.1:" + port + "/INBOX"
        : "imaps://" + user.replace("@", "%40") + ":" + PASSWORD + "@127.0.0.1:" + imapsPort + "/INBOX";
  }

  /** How many IMAP logins of a user Dovecot has logged so far. */
  public long logins(String user) {
    String mark = "Login: user=<" + user + ">";
    return log().lines().filter(l -> l.contains("imap-login") && l.contains(mark)).count();
  }

  /**
   * The IMAP logins of a user by others than this fixture ({@link #append}, {@link #count}, {@link
   * #messageIds} log in too): the logins of the app under test.
   */
  public long clientLogins(String user) {
    return logins(user) - ownLogins.getOrDefault(user, new AtomicLong()).get();
  }

  /** Dovecot's log (logins, and per session how many mails were flagged deleted, expunged...). */
  public String log() {
    try {
      Path log = dir.resolve("dovecot.log");
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String output() {
    try {
      Path out = dir.resolve("dovecot.out");
      return (Files.exists(out) ? Files.readString(out) : "") + log();
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** A plain UTF-8 text mail with its own Message-ID ({@code id}, without brackets). */
  public static MimeMessage mail(String id, String from, String to, String subject, String body) {
    try {
      MimeMessage m = new MimeMessage(Session.getInstance(new Properties())) {
        @Override
        protected void updateMessageID() throws MessagingException {
          setHeader("Message-ID", "<" + id + ">");
        }
      };
      m.setFrom(new InternetAddress(from));
      m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
      m.setSubject(subject, "UTF-8");
      m.setSentDate(new java.util.Date());
      m.setText(body, "UTF-8");
      m.saveChanges();
      return m;
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Delivers one mail into a user's INBOX by IMAP APPEND; returns its Message-ID (without brackets). */
  public String append(String user, String from, String subject, String body) {
    String id = "dovecot." + UUID.randomUUID() + "@client.test";
    append(user, List.of(mail(id, from, user, subject, body)));
    return id;
  }

  /** Delivers mails into a user's INBOX by IMAP APPEND over one connection, in order. */
  public void append(String user, List<MimeMessage> mails) {
    withFolder(user, "INBOX", f -> {
      int step = 100;
      for (int i = 0; i < mails.size(); i += step) {
        f.appendMessages(mails.subList(i, Math.min(mails.size(), i + step)).toArray(new Message[0]));
      }
      return null;
    });
  }

  /**
   * Writes a mail straight into a user's Maildir ({@code new/}), as a local delivery agent does; works
   * while the server is down. The mailbox must exist (the user logged in once).
   */
  public void deliverToMaildir(String user, MimeMessage mail) {
    try {
      Path box = dir.resolve("mail").resolve(user);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      mail.writeTo(out);
      String name = System.currentTimeMillis() + ".M" + UUID.randomUUID().toString().replace("-", "") + ".marketdesk-test";
      Path tmp = Files.createDirectories(box.resolve("tmp")).resolve(name);
      Files.write(tmp, out.toByteArray());
      Files.move(tmp, Files.createDirectories(box.resolve("new")).resolve(name));
    } catch (IOException | MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many mails a folder of a user holds (0 when the folder does not exist). */
  public int count(String user, String folder) {
    return withFolder(user, folder, f -> f == null ? 0 : f.getMessageCount());
  }

  /** A folder action over IMAP. */
  public interface FolderAction<T> {
    T apply(Folder f) throws MessagingException;
  }

  /** Opens a user's folder (read-write, INBOX; others read-only), runs the action, logs out. */
  public <T> T withFolder(String user, String folder, FolderAction<T> action) {
    Properties p = new Properties();
    String proto = certs == null ? "imap" : "imaps";
    p.put("mail." + proto + ".connectiontimeout", "10000");
    p.put("mail." + proto + ".timeout", "60000");
    if (certs != null) {
      MailTls.of(certs.ca().toString(), "").apply(p, proto);
    }
    try {
      Store s = Session.getInstance(p).getStore(proto);
      ownLogins.computeIfAbsent(user, u -> new AtomicLong()).incrementAndGet();
      s.connect("127.0.0.1", certs == null ? port : imapsPort, user, PASSWORD);
      try {
        Folder f = s.getFolder(folder);
        if (!f.exists()) {
          return action.apply(null);
        }
        f.open(folder.equalsIgnoreCase("INBOX") ? Folder.READ_WRITE : Folder.READ_ONLY);
        try {
          return action.apply(f);
        } finally {
          f.close(false);
        }
      } finally {
        s.close();
      }
    } catch (MessagingException e) {
      throw new IllegalStateException("Dovecot " + user + "/" + folder + ": " + e, e);
    }
  }

  /** Message-IDs (without brackets) of the mails in a user's folder. */
  public List<String> messageIds(String user, String folder) {
    return withFolder(user, folder, f -> {
      List<String> ids = new ArrayList<>();
      if (f == null) {
        return ids;
      }
      for (Message m : f.getMessages()) {
        String[] h = m.getHeader("Message-ID");
        if (h != null && h.length > 0) {
          ids.add(h[0].trim().replaceAll("^<|>$", ""));
        }
      }
      return ids;
    });
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
