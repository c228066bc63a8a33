package io.marketdesk.bench;

import io.marketdesk.app.App;
import io.marketdesk.feature.DemoData;
import io.marketdesk.config.Config;
import io.marketdesk.embedded.EmbeddedMailServer;
import io.marketdesk.testing.Dovecot;
import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * The benchmark of docs/BENCHMARKS.md: reply latency with IDLE against a bare IDLE client, the rate of
 * draining a backlog against bare Jakarta Mail, and the heap while draining (with a 20 MB attachment).
 * Run: {@code ./mvnw -q test-compile exec:exec@bench -Dbench.args="300 10000"} (arguments:
 * latency-count backlog-count [latency,dovecot-latency,startup,greenmail,dovecot,attachment]; the
 * start-up rows use {@code target/marketdesk.jar} when it is there). The backlog's mail server runs in a
 * process of its own, so the heap measured here is marketdesk's.
 */
public final class Benchmark {
  static final String SERVICE = "market@marketdesk.test";

  public static void main(String[] args) throws Exception {
    int latencyCount = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int backlogCount = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    System.out.printf("marketdesk benchmark: %d latency mails, %d backlog mails, %d cores, max heap %d MB%n",
        latencyCount, backlogCount, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    // "parse" alone (-Dbench.args="0 0 parse") times the reading of hostile mails, no mail server
    List<String> parts = args.length > 2 ? List.of(args[2].split(","))
        : List.of("latency", "dovecot-latency", "startup", "greenmail", "dovecot", "attachment", "parse");
    if (latencyCount > 0 && parts.contains("latency")) {
      latency(latencyCount);
    }
    boolean dovecotThere = Files.isExecutable(Dovecot.BINARY);
    if (parts.contains("dovecot-latency")) {
      if (dovecotThere) {
        // one mail at a time, each up to half a second with IDLE alone: 100 at most
        RealStackBench.dovecotLatency(Math.max(20, Math.min(latencyCount, 100)));
        RealStackBench.cleanUp();
      } else {
        System.out.println("latency on Dovecot: skipped, " + Dovecot.BINARY + " is not installed");
      }
    }
    if (parts.contains("startup")) {
      if (dovecotThere) {
        RealStackBench.startup(Integer.getInteger("bench.stored", 100_000), 3);
      } else {
        System.out.println("start-up: skipped, " + Dovecot.BINARY + " is not installed");
      }
    }
    if (parts.contains("greenmail")) {
      backlog(backlogCount, Server.GREENMAIL, false);
    }
    if (parts.contains("dovecot")) {
      if (Files.isExecutable(Dovecot.BINARY)) {
        backlog(backlogCount, Server.DOVECOT, false);
      } else {
        System.out.println("backlog (dovecot): skipped, " + Dovecot.BINARY + " is not installed (apt-get install dovecot-imapd)");
      }
    }
    if (parts.contains("attachment")) {
      backlog(backlogCount, Files.isExecutable(Dovecot.BINARY) ? Server.DOVECOT : Server.GREENMAIL, true);
    }
    if (parts.contains("parse")) {
      ParseBudget.run();
    }
    System.exit(0);
  }

  /** The configuration of a run: the defaults, with free ports and a fresh SQLite file. */
  private static Map<String, String> config(Path dir, boolean embedded) {
    Map<String, String> keys = new HashMap<>();
    keys.put("embedded.smtp-port", "0");
    keys.put("embedded.imap-port", "0");
    keys.put("web.port", "0");
    keys.put("db.url", "jdbc:sqlite:" + dir.resolve("bench.db"));
    keys.put("demo.data", "true");
    if (embedded) {
      // the latency run is one sender's 300 mails; the backlog comes from many under the default cap
      keys.put("security.replies-per-hour", "100000");
    } else {
      keys.put("embedded.mail", "false");
    }
    return keys;
  }

  // ---- latency -------------------------------------------------------------------------------

  static void latency(int n) throws Exception {
    Path dir = Files.createTempDirectory("md-bench");
    try (App app = new App(Config.of(config(dir, true)), Clock.systemUTC()).start()) {
      EmbeddedMailServer mail = app.embedded();
      mail.addUser("idle@bench.test", "demo");
      Session session = session(mail);
      // baseline: a bare IDLE client told of a new mail in its own mailbox
      long[] base = idleLatencies(session, mail, "idle@bench.test", "idle@bench.test", n, "hello");
      // marketdesk: SMTP delivery of a command mail -> its reply in the sender's mailbox (IDLE watcher)
      long startMillis = System.currentTimeMillis();
      long[] md = idleLatencies(session, mail, DemoData.ALICE, SERVICE, n, "帮助");
      report("latency baseline: bare IDLE notification", base);
      report("latency marketdesk: command mail -> reply in sender's mailbox (seen by IDLE)", md);
      // GreenMail stores a mail before it answers 250, so the SMTP send returning is the command mail's
      // delivery and the outbox's sent_at is the moment its reply is in the sender's mailbox: the
      // latency the issue asks for, with no IDLE watcher in the way (each mail was measured once the
      // previous reply had arrived, so mails and replies pair up in order)
      List<Long> sentAt = app.db().jdbi().withHandle(h -> h.createQuery(
              "SELECT o.sent_at FROM outbox o JOIN inbound_mail i ON o.inbound_id = i.id"
                  + " WHERE o.kind = 'reply' AND i.received_at >= :since AND o.sent_at IS NOT NULL ORDER BY i.id")
          .bind("since", startMillis).mapTo(Long.class).list());
      List<Long> delivered = new ArrayList<>(DELIVERED);
      int skip = delivered.size() - n;
      long[] stored = new long[Math.min(n, sentAt.size() - skip)];
      for (int k = 0; k < stored.length; k++) {
        stored[k] = (sentAt.get(skip + k) - delivered.get(skip + k)) * 1_000_000L;
      }
      report("latency marketdesk: command mail delivered -> reply stored in sender's mailbox (ms clock, no watcher)", stored);
    }
  }

  /** Wall-clock moments (epoch ms) at which each measured command mail was delivered over SMTP. */
  private static final List<Long> DELIVERED = new ArrayList<>();

  private static long[] idleLatencies(Session session, EmbeddedMailServer mail, String watch, String to, int n, String body)
      throws Exception {
    DELIVERED.clear();
    Store store = session.getStore("imap");
    store.connect("127.0.0.1", mail.imapPort(), watch, "demo");
    IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
    inbox.open(Folder.READ_ONLY);
    LinkedBlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
    inbox.addMessageCountListener(new MessageCountAdapter() {
      @Override
      public void messagesAdded(MessageCountEvent e) {
        for (int i = 0; i < e.getMessages().length; i++) {
          arrivals.add(System.nanoTime());
        }
      }
    });
    Thread idler = new Thread(() -> {
      try {
        while (inbox.isOpen()) {
          inbox.idle(false);
        }
      } catch (MessagingException | IllegalStateException e) {
        // closed
      }
    });
    idler.setDaemon(true);
    idler.start();
    Thread.sleep(300);
    Transport t = session.getTransport("smtp");
    t.connect();
    long[] out = new long[n];
    int missed = 0;
    for (int i = 0; i < n + 10; i++) {
      MimeMessage m = new MimeMessage(session);
      m.setFrom(new InternetAddress(watch));
      m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
      m.setSubject("bench " + i, "UTF-8");
      m.setText(body, "UTF-8");
      m.saveChanges();
      long start = System.nanoTime();
      t.sendMessage(m, m.getAllRecipients());
      DELIVERED.add(System.currentTimeMillis());
      Long arrived = arrivals.poll(3, TimeUnit.SECONDS);
      if (arrived == null) {
        // GreenMail's IDLE now and then misses a mail that lands while IDLE starts: count it, resync
        missed++;
        inbox.getMessageCount();
        Thread.sleep(200);
        arrivals.clear();
        i--;
        continue;
      }
      if (i >= 10) {
        out[i - 10] = arrived - start;
      }
    }
    if (missed > 0) {
      System.out.printf("  (%s: %d notifications missed by the IDLE watcher and measured again)%n", watch, missed);
    }
    t.close();
    inbox.close(false);
    store.close();
    return out;
  }

  // ---- backlog and memory --------------------------------------------------------------------

  /** Where the backlog waits. */
  enum Server {
    /** GreenMail (the embedded default's server) in a JVM of its own. */
    GREENMAIL,
    /** Debian's Dovecot (installed by .ci/run), replies over SMTP to the GreenMail process. */
    DOVECOT
  }

  /** Mails drained before the measured backlog, by the baseline and by marketdesk, and not counted. */
  static final int WARM_UP = 2_000;

  /**
   * One backlog measurement on a fresh mail server: a warm-up round (so that both sides run compiled
   * code, as a long-running service does), then the measured round.
   */
  static void backlog(int n, Server server, boolean withBigAttachment) throws Exception {
    senders(n);
    try (MailServerProcess mail = MailServerProcess.start();
        Dovecot dovecot = server == Server.DOVECOT ? Dovecot.start(List.of(SERVICE)) : null) {
      String label = server.name().toLowerCase(java.util.Locale.ROOT) + (withBigAttachment ? ", with a 20 MB attachment" : "");
      round(mail, dovecot, WARM_UP, false, null);
      round(mail, dovecot, n, withBigAttachment, label);
    }
  }

  /** Fills the inbox, drains it with the bare baseline (read-only), then with marketdesk; prints when labelled. */
  private static void round(MailServerProcess mail, Dovecot dovecot, int n, boolean withBigAttachment, String label)
      throws Exception {
    Path dir = Files.createTempDirectory("md-bench");
    int imapPort = dovecot != null ? dovecot.port() : mail.imapPort();
    Session session = session(mail.smtpPort(), imapPort);
    List<MimeMessage> mails = backlogMails(session, n, withBigAttachment);
    if (dovecot != null) {
      dovecot.append(SERVICE, mails);
    } else {
      send(session, mails);
    }
    mails = null;
    // baseline: fetch every mail and send one fixed reply each over one SMTP connection
    long t0 = System.nanoTime();
    int fetched = bareDrain(session);
    double baseSecs = (System.nanoTime() - t0) / 1e9;
    if (label != null) {
      System.out.printf("backlog baseline (%s): Jakarta Mail fetch + fixed reply (%.1f KB text + %.1f KB HTML, 8bit),"
              + " %d mails in %.1f s = %.0f mails/s%n",
          label, replyTextBytes / 1024.0, replyHtmlBytes / 1024.0, fetched, baseSecs, fetched / baseSecs);
    }
    System.gc();
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    long before = mem.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong();
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.setDaemon(true);
    sampler.start();
    Map<String, String> keys = config(dir, false);
    keys.put("imap.url", "imap://market%40marketdesk.test:demo@127.0.0.1:" + imapPort + "/INBOX");
    keys.put("smtp.url", "smtp://127.0.0.1:" + mail.smtpPort());
    if (withBigAttachment) {
      // the 20 MB file is 27 MB as base64: over the default limit of 25 MB, the intake would read only
      // its header; with higher limits the whole mail is read, stored and parsed, the worst case
      keys.put("limits.message-bytes", String.valueOf(64 << 20));
      keys.put("limits.attachment-bytes", String.valueOf(32 << 20));
    }
    Config benchConfig = Config.of(keys);
    registerSenders(benchConfig.dbUrl);
    App built = new App(benchConfig, Clock.systemUTC());
    long startup = System.nanoTime();
    try (App app = built.start()) {
      // the clock starts once the app is up (migrations, demo data): what is measured is the draining
      long t1 = System.nanoTime();
      long cpu0 = processCpu();
      Map<String, Long> tasks0 = tasks();
      Store watcher = session.getStore("imap");
      watcher.connect(SERVICE, "demo");
      Folder inbox = watcher.getFolder("INBOX");
      while (true) {
        long[] done = app.db().jdbi().withHandle(h -> h.createQuery(
            "SELECT (SELECT COUNT(*) FROM inbound_mail WHERE status <> 'received'), (SELECT COUNT(*) FROM outbox WHERE status = 'sent')")
            .map((rs, c) -> new long[] {rs.getLong(1), rs.getLong(2)}).one());
        // every mail processed and answered, and moved out of the inbox (STATUS on the closed folder)
        if (done[0] >= n && done[1] >= n && inbox.getMessageCount() == 0) {
          break;
        }
        Thread.sleep(20);
      }
      watcher.close();
      double secs = (System.nanoTime() - t1) / 1e9;
      long cpu = processCpu() - cpu0;
      sampler.interrupt();
      // the next baseline sends replies as large as these (SQLite: the length of a BLOB is its bytes)
      double[] sizes = app.db().jdbi().withHandle(h -> h.createQuery(
              "SELECT AVG(LENGTH(CAST(c.body AS BLOB))), AVG(LENGTH(CAST(COALESCE(c.html, '') AS BLOB)))"
                  + " FROM outbox JOIN outbox_content c ON c.outbox_id = outbox.id WHERE kind = 'reply'")
          .map((rs, c) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).one());
      replyTextBytes = (int) Math.round(sizes[0]);
      replyHtmlBytes = (int) Math.round(sizes[1]);
      if (label == null) {
        return;
      }
      System.out.printf("  (start-up took %.1f s, not counted; the process used %.1f s of CPU while draining)%n",
          (t1 - startup) / 1e9, cpu / 1e9);
      System.out.println("  CPU by thread while draining: " + cpuByThread(tasks0, tasks()));
      System.out.printf("backlog marketdesk (%s): %d mails stored, parsed, answered and moved in %.1f s = %.0f mails/s (%.0f%% of baseline)%n",
          label, n, secs, n / secs, 100.0 * (n / secs) / (fetched / baseSecs));
      System.out.printf("heap (%s): %d MB before, peak %d MB used while draining (garbage included), limit %d MB%n",
          label, before >> 20, peak.get() >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }
  }

  /** CPU time (clock ticks of 10 ms) of each thread of this JVM, JIT and GC threads included (Linux). */
  private static Map<String, Long> tasks() throws java.io.IOException {
    Map<String, Long> out = new HashMap<>();
    if (!Files.isDirectory(Path.of("/proc/self/task"))) {
      return out;
    }
    try (java.util.stream.Stream<Path> ts = Files.list(Path.of("/proc/self/task"))) {
      for (Path t : (Iterable<Path>) ts::iterator) {
        try {
          String stat = Files.readString(t.resolve("stat"));
          String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          out.put(t.getFileName() + " " + comm, Long.parseLong(f[11]) + Long.parseLong(f[12]));
        } catch (java.io.IOException e) {
          // thread ended
        }
      }
    }
    return out;
  }

  /** The threads that used at least 100 ms between two {@link #tasks()} samples, busiest first. */
  private static String cpuByThread(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> byName = new HashMap<>();
    after.forEach((k, v) -> {
      String name = k.substring(k.indexOf(' ') + 1);
      name = name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? "JIT compiler"
          : name.startsWith("GC ") || name.startsWith("G1 ") ? "GC" : name.replaceAll("[0-9]+", "#");
      byName.merge(name, v - before.getOrDefault(k, 0L), Long::sum);
    });
    List<String> parts = new ArrayList<>();
    byName.entrySet().stream().filter(e -> e.getValue() >= 10)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> parts.add(String.format("%s %.1f s", e.getKey(), e.getValue() / 100.0)));
    return parts.isEmpty() ? "(not available)" : String.join(", ", parts);
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /**
   * A backlog comes from many people: one sender address per 20 mails (at least 200), all of one
   * provider, so no one is over the default hourly cap of 20 replies.
   */
  private static final List<String> SENDERS = new ArrayList<>();

  private static void senders(int mails) {
    SENDERS.clear();
    for (int i = 0; i < Math.max(200, (mails + 19) / 20); i++) {
      SENDERS.add("desk" + i + "@provider-a.test");
    }
  }

  /** Registers the senders as one provider's addresses, before the app starts (it drains at once). */
  private static void registerSenders(String dbUrl) {
    try (io.marketdesk.store.Database db = io.marketdesk.store.Database.open(dbUrl, "", "", 2)) {
      db.jdbi().useHandle(h -> new io.marketdesk.identity.Directory(Clock.systemUTC()).createProvider(h,
          new io.marketdesk.identity.Provider(0, "100000000001", "Bench Co", "", "", "", "", "", "", "", SENDERS.get(0),
              SENDERS)));
    }
  }

  /** N help mails from the senders in turn; with a 20 MB attachment on the one in the middle. */
  private static List<MimeMessage> backlogMails(Session session, int n, boolean big) throws Exception {
    List<MimeMessage> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      MimeMessage m = new MimeMessage(session);
      m.setFrom(new InternetAddress(SENDERS.get(i % SENDERS.size())));
      m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(SERVICE));
      m.setSubject("backlog " + i, "UTF-8");
      if (big && i == n / 2) {
        jakarta.mail.internet.MimeMultipart mp = new jakarta.mail.internet.MimeMultipart();
        jakarta.mail.internet.MimeBodyPart text = new jakarta.mail.internet.MimeBodyPart();
        text.setText("帮助", "UTF-8");
        jakarta.mail.internet.MimeBodyPart file = new jakarta.mail.internet.MimeBodyPart();
        byte[] data = new byte[20 * 1024 * 1024];
        new java.util.Random(1).nextBytes(data);
        file.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(data, "application/octet-stream")));
        file.setFileName("big.bin");
        mp.addBodyPart(text);
        mp.addBodyPart(file);
        m.setContent(mp);
      } else {
        m.setText("帮助", "UTF-8");
      }
      m.saveChanges();
      out.add(m);
    }
    return out;
  }

  private static void send(Session session, List<MimeMessage> mails) throws Exception {
    Transport t = session.getTransport("smtp");
    t.connect();
    for (MimeMessage m : mails) {
      t.sendMessage(m, m.getAllRecipients());
    }
    t.close();
  }

  /**
   * The size of the baseline's reply: a text part and an HTML part as large as marketdesk's replies
   * in the round before (UTF-8 bytes, the means of its outbox), so that both send the same bytes over
   * SMTP. The first round (the warm-up) starts from the sizes of marketdesk's help reply to a
   * provider on 2026-12-01: 7.5 KB of text, mostly Chinese, and 33 KB of HTML (docs/mail-design.md).
   */
  private static int replyTextBytes = 7_456;

  private static int replyHtmlBytes = 33_211;

  /** A text of about {@code bytes} of UTF-8, mostly Chinese, in lines of about 120 bytes. */
  static String filler(String line, int bytes) {
    StringBuilder sb = new StringBuilder();
    while (sb.toString().getBytes(StandardCharsets.UTF_8).length + line.getBytes(StandardCharsets.UTF_8).length <= bytes) {
      sb.append(line);
    }
    return sb.toString();
  }

  /** The baseline's fixed reply: text and HTML as {@code multipart/alternative}, both 8bit, as marketdesk's. */
  private static MimeMessage fixedReply(Session session, String subject, String text, String html)
      throws MessagingException {
    MimeMessage reply = new MimeMessage(session);
    reply.setFrom(new InternetAddress(SERVICE));
    reply.setRecipients(Message.RecipientType.TO, new Address[] {new InternetAddress("sink@bench.test")});
    reply.setSubject(subject, "UTF-8");
    jakarta.mail.internet.MimeMultipart alternative = new jakarta.mail.internet.MimeMultipart("alternative");
    jakarta.mail.internet.MimeBodyPart textPart = new jakarta.mail.internet.MimeBodyPart();
    textPart.setText(text, "UTF-8");
    jakarta.mail.internet.MimeBodyPart htmlPart = new jakarta.mail.internet.MimeBodyPart();
    htmlPart.setText(html, "UTF-8", "html");
    alternative.addBodyPart(textPart);
    alternative.addBodyPart(htmlPart);
    reply.setContent(alternative);
    reply.saveChanges();
    // the server announces 8BITMIME (MailServerProcess, as Postfix): the parts go as they are, which
    // is the least a client can do; set after saveChanges, which would choose base64 again
    textPart.setHeader("Content-Transfer-Encoding", "8bit");
    htmlPart.setHeader("Content-Transfer-Encoding", "8bit");
    return reply;
  }

  private static int bareDrain(Session session) throws Exception {
    String text = filler("这是一封固定的回复，长度与 marketdesk 给服务商的帮助回复相同。Fixed reply text.\n", replyTextBytes);
    String html = filler("<p style=\"margin:0 0 10px 0;white-space:pre-wrap;\">固定的回复，与 marketdesk 的 HTML 部分一样长。</p>\n",
        replyHtmlBytes);
    Store store = session.getStore("imap");
    store.connect(SERVICE, "demo");
    Folder inbox = store.getFolder("INBOX");
    inbox.open(Folder.READ_ONLY);
    Transport t = session.getTransport("smtp");
    t.connect();
    int count = inbox.getMessageCount();
    for (int start = 1; start <= count; start += 500) {
      Message[] batch = inbox.getMessages(start, Math.min(count, start + 499));
      jakarta.mail.FetchProfile whole = new jakarta.mail.FetchProfile();
      whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
      inbox.fetch(batch, whole); // one FETCH per batch, as the intake does, so the baseline is fair
      for (Message m : batch) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        m.writeTo(raw);
        MimeMessage parsed = new MimeMessage(session, new ByteArrayInputStream(raw.toByteArray()));
        MimeMessage reply = fixedReply(session, "Re: " + parsed.getSubject(), text, html);
        t.sendMessage(reply, reply.getAllRecipients());
      }
      // let the fetched batch go, as the intake does by reopening the folder after each batch
      inbox.close(false);
      inbox.open(Folder.READ_ONLY);
    }
    t.close();
    inbox.close(false);
    store.close();
    return count;
  }

  private static Session session(int smtpPort, int imapPort) {
    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", String.valueOf(smtpPort));
    p.put("mail.imap.host", "127.0.0.1");
    p.put("mail.imap.port", String.valueOf(imapPort));
    p.put("mail.imap.partialfetch", "false");
    // as marketdesk's sockets: without TCP_NODELAY the SMTP data's closing dot waits for the server's
    // delayed ACK (about 40 ms a mail once the reply is larger than a few KB)
    io.marketdesk.config.NoDelaySockets.apply(p, "smtp");
    io.marketdesk.config.NoDelaySockets.apply(p, "imap");
    // the backlog's end is seen by STATUS on the closed inbox; Jakarta Mail would keep its answer for a
    // second by default, and the drain's end would be seen up to a second late
    p.put("mail.imap.statuscachetimeout", "0");
    return Session.getInstance(p);
  }

  private static Session session(EmbeddedMailServer mail) {
    return session(mail.smtpPort(), mail.imapPort());
  }

  static void report(String label, long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    double median = s[s.length / 2] / 1e6;
    double p99 = s[(int) Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)] / 1e6;
    List<String> parts = new ArrayList<>();
    parts.add(String.format("median %.1f ms", median));
    parts.add(String.format("p99 %.1f ms", p99));
    parts.add(String.format("max %.1f ms", s[s.length - 1] / 1e6));
    System.out.println(label + " (" + s.length + " mails): " + String.join(", ", parts));
  }

  private Benchmark() {}

  static {
    System.setProperty("file.encoding", StandardCharsets.UTF_8.name());
  }
}
