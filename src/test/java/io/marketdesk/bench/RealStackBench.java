package io.marketdesk.bench;

import io.marketdesk.app.App;
import io.marketdesk.feature.DemoData;
import io.marketdesk.config.Config;
import io.marketdesk.intake.InboundStore;
import io.marketdesk.testing.Dovecot;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's rows on Debian's Dovecot (docs/BENCHMARKS.md): reply latency with IDLE alone and
 * with the NOOP check of {@code mail.idle-check}, and the start-up of the runnable jar to the first
 * mail answered, with an empty database and with 100,000 stored mails. IMAP logins are counted from
 * Dovecot's log. Replies go to the GreenMail process over SMTP, as in the backlog rows.
 */
final class RealStackBench {
  private static final String SERVICE = Benchmark.SERVICE;

  private RealStackBench() {}

  // ---- reply latency on Dovecot ----------------------------------------------------------------

  /**
   * A {@code 帮助} mail is appended to the service INBOX (IMAP APPEND, one connection held open); the
   * time runs from just before the APPEND to the moment its reply is marked sent (the outbox's
   * {@code sent_at}: the SMTP server has accepted it). Mails go one at a time, each after the previous
   * reply, with a random pause of 0-100 ms between them so that they do not keep step with the check.
   */
  static void dovecotLatency(int n) throws Exception {
    try (MailServerProcess mail = MailServerProcess.start(); Dovecot dovecot = Dovecot.start(List.of(SERVICE))) {
      // IDLE alone (the check only every mail.poll-interval), then with the default NOOP check
      for (String check : List.of(System.getProperty("bench.checks", "PT30S,PT0.1S,PT0.05S").split(","))) {
        Path dir = tempDir("md-bench-lat");
        Map<String, String> keys = latencyKeys(dir, mail, dovecot);
        keys.put("mail.idle-check", check);
        long logins0 = dovecot.logins(SERVICE);
        try (App app = new App(Config.of(keys), Clock.systemUTC()).start()) {
          long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
          while (!app.intake().status().connected() && System.nanoTime() < until) {
            Thread.sleep(10);
          }
          Properties p = new Properties();
          p.put("mail.imap.connectiontimeout", "10000");
          Store store = Session.getInstance(p).getStore("imap");
          store.connect("127.0.0.1", dovecot.port(), SERVICE, Dovecot.PASSWORD);
          Folder inbox = store.getFolder("INBOX");
          long[] lat = new long[n];
          long[][] steps = new long[3][n];
          for (int i = 0; i < n + 10; i++) {
            String id = "lat." + UUID.randomUUID() + "@bench.test";
            MimeMessage m = Dovecot.mail(id, DemoData.ALICE, SERVICE, "latency " + i, "帮助");
            long t0 = System.currentTimeMillis();
            inbox.appendMessages(new Message[] {m});
            long[] at = awaitSent(app, id);
            if (Boolean.getBoolean("bench.debug")) {
              System.err.printf("DBG append %d stored %d processed %d queued %d sent %d%n", t0, at[0], at[1], at[2], at[3]);
            }
            if (i >= 10) {
              lat[i - 10] = (at[3] - t0) * 1_000_000L;
              for (int k = 0; k < 3; k++) {
                steps[k][i - 10] = at[k] - t0;
              }
            }
            Thread.sleep(ThreadLocalRandom.current().nextInt(100));
          }
          store.close();
          // the cost of the check: the process's CPU while nothing arrives
          long cpu0 = processCpu();
          long wall0 = System.nanoTime();
          Thread.sleep(10_000);
          double idleShare = 100.0 * (processCpu() - cpu0) / (System.nanoTime() - wall0);
          long logins = dovecot.logins(SERVICE) - logins0 - 1; // less the benchmark's own APPEND session
          Benchmark.report(String.format("latency on Dovecot, mail.idle-check %s: APPEND of a command mail -> reply marked sent",
              check.equals("PT30S") ? "off (IDLE alone)" : java.time.Duration.parse(check).toMillis() + " ms"
                  + (java.time.Duration.parse(check).equals(Config.of(Map.of()).idleCheck) ? " (default)" : "")), lat);
          System.out.printf("  (medians from the APPEND: stored %d ms, processed %d ms, reply queued %d ms)%n",
              median(steps[0]), median(steps[1]), median(steps[2]));
          System.out.printf("  (idle-check %s: marketdesk's process used %.1f %% of a core while waiting with no mail;"
              + " %d IMAP login(s) of marketdesk for %d mails)%n", check, idleShare, logins, n + 10);
        }
      }
      lmtpLatency(n, mail, dovecot);
    }
  }

  /**
   * The other way the issue weighed (docs/BENCHMARKS.md): an LMTP endpoint in marketdesk that the
   * MTA delivers to, the raw mail stored and processed before its {@code 250}. Measured with a
   * prototype kept here, not in the product: a listener that hands each mail to the app's inbound
   * store and processor, as the intake does, and a client that speaks LMTP as Postfix's would. The
   * time runs from just before MAIL FROM to the reply marked sent.
   */
  private static void lmtpLatency(int n, MailServerProcess mail, Dovecot dovecot) throws Exception {
    Path dir = tempDir("md-bench-lmtp");
    Map<String, String> keys = latencyKeys(dir, mail, dovecot);
    try (App app = new App(Config.of(keys), Clock.systemUTC()).start();
        LmtpPrototype lmtp = new LmtpPrototype(app);
        Socket client = new Socket(InetAddress.getLoopbackAddress(), lmtp.port())) {
      client.setTcpNoDelay(true);
      BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = client.getOutputStream();
      LmtpPrototype.expect(in, "220");
      LmtpPrototype.say(out, "LHLO bench.test");
      LmtpPrototype.expect(in, "250");
      long[] lat = new long[n];
      long[] answered = new long[n];
      for (int i = 0; i < n + 10; i++) {
        String id = "lmtp." + UUID.randomUUID() + "@bench.test";
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        Dovecot.mail(id, DemoData.ALICE, SERVICE, "latency " + i, "帮助").writeTo(raw);
        long t0 = System.currentTimeMillis();
        LmtpPrototype.say(out, "MAIL FROM:<" + DemoData.ALICE + ">");
        LmtpPrototype.expect(in, "250");
        LmtpPrototype.say(out, "RCPT TO:<" + SERVICE + ">");
        LmtpPrototype.expect(in, "250");
        LmtpPrototype.say(out, "DATA");
        LmtpPrototype.expect(in, "354");
        out.write(LmtpPrototype.dotStuffed(raw.toByteArray()));
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        LmtpPrototype.expect(in, "250");
        long t250 = System.currentTimeMillis();
        long[] at = awaitSent(app, id);
        if (i >= 10) {
          lat[i - 10] = (at[3] - t0) * 1_000_000L;
          answered[i - 10] = t250 - t0;
        }
        Thread.sleep(ThreadLocalRandom.current().nextInt(100));
      }
      LmtpPrototype.say(out, "QUIT");
      Benchmark.report("latency with an LMTP endpoint (a prototype in the benchmark): MAIL FROM -> reply marked sent", lat);
      System.out.printf("  (median from MAIL FROM to the endpoint's 250, the mail stored and processed: %d ms)%n",
          median(answered));
    }
  }

  /**
   * The prototype LMTP endpoint (RFC 2033) of {@link #lmtpLatency}: one session at a time, one
   * recipient a mail, no error handling beyond what the measurement needs.
   */
  private static final class LmtpPrototype implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final Thread thread;

    LmtpPrototype(App app) throws IOException {
      thread = new Thread(() -> {
        while (!server.isClosed()) {
          try (Socket s = server.accept()) {
            s.setTcpNoDelay(true);
            serve(app, new java.io.BufferedInputStream(s.getInputStream()), s.getOutputStream());
          } catch (IOException e) {
            // closed: the measurement is over
          }
        }
      }, "bench-lmtp");
      thread.setDaemon(true);
      thread.start();
    }

    int port() {
      return server.getLocalPort();
    }

    private static void serve(App app, java.io.InputStream in, OutputStream out) throws IOException {
      say(out, "220 marketdesk LMTP (bench prototype)");
      while (true) {
        String line = readLine(in);
        if (line == null) {
          return;
        }
        String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
        switch (verb) {
          case "LHLO" -> say(out, "250 marketdesk");
          case "MAIL", "RCPT", "RSET", "NOOP" -> say(out, "250 2.0.0 Ok");
          case "DATA" -> {
            say(out, "354 go on");
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            for (String l = readLine(in); l != null && !l.equals("."); l = readLine(in)) {
              raw.write((l.startsWith(".") ? l.substring(1) : l).getBytes(StandardCharsets.ISO_8859_1));
              raw.write('\r');
              raw.write('\n');
            }
            // stored and processed (its reply queued) before the 250, as the endpoint would do
            List<InboundStore.Incoming> mails = List.of(InboundStore.Incoming.of(raw.toByteArray()));
            app.processor().processStored(app.inbound().storeAll(mails), mails);
            say(out, "250 2.0.0 Ok stored");
          }
          case "QUIT" -> {
            say(out, "221 bye");
            return;
          }
          default -> say(out, "500 5.5.1 unknown command");
        }
      }
    }

    /** A line without its CRLF, its bytes as chars (ISO-8859-1); null at the end of the stream. */
    private static String readLine(java.io.InputStream in) throws IOException {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      int c;
      while ((c = in.read()) >= 0) {
        if (c == '\n') {
          byte[] bytes = b.toByteArray();
          int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
          return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
        }
        b.write(c);
      }
      return null;
    }

    static void say(OutputStream out, String line) throws IOException {
      out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }

    static void expect(BufferedReader in, String code) throws IOException {
      String line;
      do {
        line = in.readLine();
        if (line == null || !line.startsWith(code)) {
          throw new IOException("LMTP: expected " + code + ", got " + line);
        }
      } while (line.length() > 3 && line.charAt(3) == '-');
    }

    /** A raw mail with CRLF line ends, a dot doubled at the start of a line (RFC 5321 4.5.2). */
    static byte[] dotStuffed(byte[] raw) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 64);
      boolean lineStart = true;
      for (byte b : raw) {
        if (lineStart && b == '.') {
          out.write('.');
        }
        out.write(b);
        lineStart = b == '\n';
      }
      if (raw.length > 0 && raw[raw.length - 1] != '\n') {
        out.write('\r');
        out.write('\n');
      }
      return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  /** The app of a latency run: Dovecot's INBOX, replies to the GreenMail process, no hourly cap. */
  private static Map<String, String> latencyKeys(Path dir, MailServerProcess mail, Dovecot dovecot) {
    Map<String, String> keys = new HashMap<>();
    keys.put("embedded.mail", "false");
    keys.put("web.port", "0");
    keys.put("db.url", "jdbc:sqlite:" + dir.resolve("bench.db"));
    keys.put("demo.data", "true");
    keys.put("imap.url", dovecot.imapUrl(SERVICE));
    keys.put("smtp.url", "smtp://127.0.0.1:" + mail.smtpPort());
    keys.put("security.replies-per-hour", "100000");
    return keys;
  }

  private static long median(long[] v) {
    long[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  /**
   * When (epoch ms) the mail with this Message-ID was stored and processed, and its reply queued and
   * marked sent, waiting for the last.
   */
  private static long[] awaitSent(App app, String messageId) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < until) {
      Optional<long[]> sent = app.db().jdbi().withHandle(h -> h.createQuery(
              "SELECT i.received_at, i.processed_at, o.created_at, o.sent_at FROM outbox o JOIN inbound_mail i"
                  + " ON o.inbound_id = i.id WHERE i.message_id IN (:a, :b) AND o.sent_at IS NOT NULL")
          .bind("a", messageId).bind("b", "<" + messageId + ">")
          .map((rs, c) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).findFirst());
      if (sent.isPresent()) {
        return sent.get();
      }
      Thread.sleep(2);
    }
    throw new IllegalStateException("no reply to " + messageId + " within 20 s");
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  // ---- start-up --------------------------------------------------------------------------------

  /** What one start of the jar showed: seconds from launching the JVM to each moment, and IMAP logins. */
  private record Start(double session, double started, double answered, double cpu, long logins) {}

  /**
   * Starts the runnable jar ({@code target/marketdesk.jar}, made by {@code ./mvnw -B -DskipTests
   * package}; without it the same main class on the benchmark's class path) against Dovecot, with one
   * {@code 帮助} mail waiting in the inbox, and times it from launching the JVM to the intake's IMAP
   * session (its log line), to {@code marketdesk started} and to the mail's reply arriving in the
   * sender's mailbox (a STATUS every 10 ms: fetched, stored, processed, answered). First with an empty
   * SQLite file (every migration and the demo data), then on a file holding {@code stored} mails.
   */
  static void startup(int stored, int runs) throws Exception {
    Path jar = Path.of("target", "marketdesk.jar");
    boolean useJar = Files.isRegularFile(jar);
    System.out.printf("start-up: %s, -Xmx256m, Dovecot IMAP, SQLite%n",
        useJar ? "java -jar " + jar + " run (" + (Files.size(jar) >> 20) + " MB)"
            : "java -cp <class path> io.marketdesk.Main run (no " + jar + ": ./mvnw -B -DskipTests package makes it)");
    try (MailServerProcess mail = MailServerProcess.start(); Dovecot dovecot = Dovecot.start(List.of(SERVICE))) {
      // the class data archive of docs/DEPLOY.md: one start with -XX:ArchiveClassesAtExit, stopped by SIGTERM
      Path jsa = tempDir("md-bench-cds").resolve("marketdesk.jsa");
      startOnce(useJar ? jar : null, tempDir("md-bench-start"), mail, dovecot,
          List.of("-XX:ArchiveClassesAtExit=" + jsa));
      List<String> cds = List.of("-XX:SharedArchiveFile=" + jsa);
      System.out.printf("  (class data archive made by one start: %d MB)%n", Files.size(jsa) >> 20);
      List<Start> empty = new ArrayList<>();
      List<Start> emptyCds = new ArrayList<>();
      Path last = null;
      for (int i = 0; i < runs; i++) {
        last = tempDir("md-bench-start");
        empty.add(startOnce(useJar ? jar : null, last, mail, dovecot, List.of()));
        emptyCds.add(startOnce(useJar ? jar : null, tempDir("md-bench-start"), mail, dovecot, cds));
      }
      print("empty database (migrations, demo data)", empty);
      print("empty database (migrations, demo data), with the class data archive", emptyCds);
      long t0 = System.nanoTime();
      fill(last.resolve("md.db"), stored);
      System.out.printf("  (%,d stored mails and their replies written in %.0f s; the file is %d MB)%n", stored,
          (System.nanoTime() - t0) / 1e9, Files.size(last.resolve("md.db")) >> 20);
      List<Start> full = new ArrayList<>();
      List<Start> fullCds = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        full.add(startOnce(useJar ? jar : null, last, mail, dovecot, List.of()));
        fullCds.add(startOnce(useJar ? jar : null, last, mail, dovecot, cds));
      }
      print(String.format("%,d stored mails", stored), full);
      print(String.format("%,d stored mails, with the class data archive", stored), fullCds);
    } finally {
      cleanUp(); // the 100,000-mail file alone is over 600 MB
    }
  }

  /** Deletes the temp folders the rows made. */
  static void cleanUp() {
    for (Path dir : MADE) {
      deleteQuietly(dir);
    }
    MADE.clear();
  }

  /** The temp folders of the start-up rows, deleted at their end. */
  private static final List<Path> MADE = new ArrayList<>();

  private static Path tempDir(String prefix) throws IOException {
    Path dir = Files.createTempDirectory(prefix);
    MADE.add(dir);
    return dir;
  }

  private static void deleteQuietly(Path dir) {
    try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temp folder left behind is harmless
    }
  }

  private static void print(String label, List<Start> runs) {
    double[] answered = runs.stream().mapToDouble(Start::answered).sorted().toArray();
    System.out.printf("start-up, %s: launch -> first mail answered, median of %d: %.2f s; IMAP logins per start: %s%n",
        label, runs.size(), answered[answered.length / 2], runs.stream().map(r -> String.valueOf(r.logins())).toList());
    for (Start r : runs) {
      System.out.printf("  launch -> IMAP session %.2f s, -> mail answered %.2f s (the process had used %.1f s of CPU),"
          + " -> web up (marketdesk started) %.2f s%n", r.session(), r.answered(), r.cpu(), r.started());
    }
  }

  private static Start startOnce(Path jar, Path dir, MailServerProcess mail, Dovecot dovecot, List<String> jvm)
      throws Exception {
    String id = "start." + UUID.randomUUID() + "@bench.test";
    dovecot.append(SERVICE, List.of(Dovecot.mail(id, DemoData.ALICE, SERVICE, "start-up", "帮助")));
    Properties p = new Properties();
    p.put("mail.imap.connectiontimeout", "10000");
    // Jakarta Mail keeps a STATUS answer for a second by default: every check would see the same count
    p.put("mail.imap.statuscachetimeout", "0");
    Store watcher = Session.getInstance(p).getStore("imap");
    watcher.connect("127.0.0.1", mail.imapPort(), DemoData.ALICE, App.DEMO_PASSWORD);
    Folder alice = watcher.getFolder("INBOX");
    int before = alice.getMessageCount();
    long logins0 = dovecot.clientLogins(SERVICE);
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.addAll(jvm);
    if (jar != null) {
      cmd.add("-jar");
      cmd.add(jar.toAbsolutePath().toString());
    } else {
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add("io.marketdesk.Main");
    }
    cmd.add("run");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("MARKETDESK_"));
    env.put("MARKETDESK_EMBEDDED_MAIL", "false");
    env.put("MARKETDESK_IMAP_URL", dovecot.imapUrl(SERVICE));
    env.put("MARKETDESK_SMTP_URL", "smtp://127.0.0.1:" + mail.smtpPort());
    env.put("MARKETDESK_DB_URL", "jdbc:sqlite:" + dir.resolve("md.db"));
    env.put("MARKETDESK_DEMO_DATA", "true");
    env.put("MARKETDESK_WEB_PORT", "0");
    env.put("MARKETDESK_SECURITY_REPLIES_PER_HOUR", "100000");
    Path log = dir.resolve("start-" + System.nanoTime() + ".log");
    AtomicLong session = new AtomicLong();
    AtomicLong started = new AtomicLong();
    long t0 = System.nanoTime();
    Process proc = pb.start();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8));
          java.io.Writer all = Files.newBufferedWriter(log)) {
        String line;
        while ((line = r.readLine()) != null) {
          long now = System.nanoTime();
          if (line.contains("connected (") && session.get() == 0) {
            session.set(now);
          }
          if (line.contains("marketdesk started") && started.get() == 0) {
            started.set(now);
          }
          all.write(line + "\n");
        }
      } catch (IOException e) {
        // the process ended
      }
    });
    reader.setDaemon(true);
    reader.start();
    long answered = 0;
    double cpu = 0;
    long until = t0 + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < until && proc.isAlive()) {
      if (alice.getMessageCount() > before) {
        answered = System.nanoTime();
        cpu = cpuSeconds(proc.pid());
        break;
      }
      Thread.sleep(10);
    }
    watcher.close();
    // the reply may come before the web server is up: wait for its line too
    while (System.nanoTime() < until && proc.isAlive() && started.get() == 0) {
      Thread.sleep(10);
    }
    long logins = dovecot.clientLogins(SERVICE) - logins0;
    proc.destroy(); // SIGTERM: a graceful stop
    if (!proc.waitFor(20, TimeUnit.SECONDS)) {
      proc.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    reader.join(5000);
    if (answered == 0) {
      throw new IllegalStateException("the first mail was not answered within 60 s; see " + log);
    }
    return new Start((session.get() - t0) / 1e9, (started.get() - t0) / 1e9, (answered - t0) / 1e9, cpu, logins);
  }

  /** The CPU time a process has used so far, all its threads (Linux; 0 elsewhere). */
  private static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /**
   * Adds {@code n} processed mails, each with a sent reply, copies of the first processed mail and its
   * reply (raw mail, reply body and all), received over the year before yesterday (a database a year
   * of service leaves behind; none in the last day, so the loop guard and the hourly cap see nothing). Straight SQL into the file, as only the start reads it.
   */
  private static void fill(Path db, int n) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
      long mailId = one(s, "SELECT MIN(i.id) FROM inbound_mail i JOIN outbox o ON o.inbound_id = i.id"
          + " WHERE i.status = 'processed' AND o.status = 'sent'");
      long replyId = one(s, "SELECT MIN(id) FROM outbox WHERE inbound_id = " + mailId + " AND status = 'sent'");
      long now = System.currentTimeMillis();
      c.setAutoCommit(false);
      s.executeUpdate("WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < " + n + ")"
          + " INSERT INTO inbound_mail (" + copy(s, "inbound_mail", Map.of()) + ") SELECT "
          + copy(s, "inbound_mail", Map.of(
              "dedupe_key", "'bench-' || n",
              "message_id", "'<bench.' || n || '@bench.test>'",
              "received_at", now + " - 86400000 - n * 315000",
              "processed_at", now + " - 86400000 - n * 315000 + 40"))
          + " FROM seq, inbound_mail src WHERE src.id = " + mailId);
      s.executeUpdate("INSERT INTO outbox (" + copy(s, "outbox", Map.of()) + ") SELECT "
          + copy(s, "outbox", Map.of(
              "message_id", "'<bench-reply.' || i.id || '@marketdesk.test>'",
              "inbound_id", "i.id",
              "created_at", "i.processed_at",
              "next_attempt_at", "i.processed_at",
              "release_at", "i.processed_at",
              "sent_at", "i.processed_at + 20",
              "bounce_token", "src.bounce_token || '-' || i.id"))
          + " FROM inbound_mail i, outbox src WHERE i.dedupe_key LIKE 'bench-%' AND src.id = " + replyId);
      s.executeUpdate("INSERT INTO outbox_content (outbox_id, body, html) SELECT o.id, src.body, src.html"
          + " FROM outbox o, outbox_content src WHERE o.message_id LIKE '<bench-reply.%' AND src.outbox_id = " + replyId);
      c.commit();
    }
  }

  /** The columns of a table but its id, each as {@code src.col} unless replaced; or their names alone. */
  private static String copy(Statement s, String table, Map<String, String> replaced) throws Exception {
    List<String> cols = new ArrayList<>();
    try (ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
      while (rs.next()) {
        String name = rs.getString("name");
        if (!name.equals("id")) {
          cols.add(name);
        }
      }
    }
    if (replaced.isEmpty()) {
      return String.join(", ", cols);
    }
    return String.join(", ", cols.stream().map(col -> replaced.getOrDefault(col, "src." + col)).toList());
  }

  private static long one(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
