package io.marketdesk.intake;

import io.marketdesk.config.Config.MailUrl;
import io.marketdesk.config.MailConnection;
import io.marketdesk.config.MailTls;
import jakarta.mail.FetchProfile;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.StoreClosedException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.ListInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the service mailbox: IMAP IDLE where the server offers it, polling otherwise; reconnects
 * with backoff. Mails are stored (one transaction per group of up to 20), then processed (one
 * transaction per group, a savepoint per mail) before they are moved to the processed folder, so a
 * crash at any point loses nothing and the store's dedupe key keeps a mail fetched twice from acting
 * twice. One thread; {@link #stop()} may be called from any thread.
 */
public final class ImapIntake {
  private static final Logger log = LoggerFactory.getLogger(ImapIntake.class);
  private static final int SMALL_MAIL_BYTES = 256 * 1024;
  /**
   * The first reconnect comes quickly (then 2x up to mail.reconnect-max): a connection dropped once
   * (an idle timeout, a NAT, or the embedded GreenMail, which drops a session when a mail lands while
   * it is answering a NOOP) is back at once, and a server that is down is not hammered.
   */
  private static final long FIRST_RETRY_MILLIS = 100;
  /** The small mails of a batch fetched in one command, up to this many bytes together. */
  private static final long PREFETCH_BYTES = 8L * 1024 * 1024;
  /** Mails stored and processed together: one transaction each step for up to this many mails or bytes. */
  private static final int GROUP_MAILS = 20;
  private static final long GROUP_BYTES = 4L * 1024 * 1024;
  /** How long {@link #stop()} lets the round in hand finish before it cuts the connection. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(6);

  /** What the status page shows of the intake. */
  public record Status(boolean connected, String mode, long lastCheck, String lastError) {}

  private final MailUrl url;
  private final MailProcessor processor;
  private final InboundStore inbound;
  private final String processedFolder;
  private final boolean useIdle;
  private final Duration pollInterval;
  private final Duration idleCheck;
  private final Duration reconnectMax;
  private final int batchSize;
  private final long maxMessageBytes;
  private final Clock clock;
  private final Session session;
  private final Object pollLock = new Object();
  /** UID -> when (nanoTime) this instance first found the mail already processed; intake thread only. */
  private final Map<Long, Long> alreadyDoneSince = new HashMap<>();
  private volatile boolean running;
  private volatile boolean connected;
  private volatile String mode = "starting";
  private volatile long lastCheck;
  private volatile String lastError = "";
  private volatile Store store;
  /** The server's capabilities, read once a session. */
  private volatile boolean canMove;
  private volatile boolean canUidplus;
  private volatile long reopened;
  private volatile IMAPFolder inbox;
  /** The intake thread is in IDLE: only then does the watchdog's NOOP go out (not while draining). */
  private volatile boolean idling;
  private Thread thread;
  private ScheduledExecutorService watchdog;

  public ImapIntake(MailUrl url, MailProcessor processor, InboundStore inbound, String processedFolder,
      boolean useIdle, Duration pollInterval, Duration idleCheck, Duration reconnectMax, int batchSize,
      long maxMessageBytes, Clock clock, MailTls tls) {
    this.url = url;
    this.processor = processor;
    this.inbound = inbound;
    this.processedFolder = processedFolder;
    this.useIdle = useIdle;
    this.pollInterval = pollInterval;
    this.idleCheck = idleCheck.isZero() || idleCheck.isNegative() || idleCheck.compareTo(pollInterval) > 0
        ? pollInterval : idleCheck;
    this.reconnectMax = reconnectMax;
    this.batchSize = batchSize;
    this.maxMessageBytes = maxMessageBytes;
    this.clock = clock;
    this.session = Session.getInstance(properties(tls));
  }

  private Properties properties(MailTls tls) {
    long readTimeout = pollInterval.toMillis() + 60_000;
    Properties p = MailConnection.properties("imap", url, tls, readTimeout);
    String proto = MailConnection.protocol("imap", url);
    p.put("mail.store.protocol", proto);
    p.put("mail." + proto + ".partialfetch", "false");
    p.put("mail." + proto + ".peek", "true");
    return p;
  }

  public synchronized void start() {
    running = true;
    watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "imap-watchdog");
      t.setDaemon(true);
      return t;
    });
    // while IDLE, a NOOP every mail.idle-check: Dovecot tells an IDLE client of new mail only after a
    // fixed 500 ms, but answers a NOOP with it at once (docs/DEPLOY.md, docs/BENCHMARKS.md)
    watchdog.scheduleWithFixedDelay(this::checkWhileIdle, idleCheck.toMillis(), idleCheck.toMillis(), TimeUnit.MILLISECONDS);
    thread = new Thread(this::run, "imap-intake");
    thread.setDaemon(true);
    thread.start();
  }

  public Status status() {
    return new Status(connected, mode, lastCheck, lastError);
  }

  private void run() {
    recoverStored();
    long backoff = FIRST_RETRY_MILLIS;
    while (running) {
      try {
        connect();
        backoff = FIRST_RETRY_MILLIS;
        while (running) {
          drain();
          waitForMail();
        }
      } catch (MessagingException | IllegalStateException | IOException e) {
        if (!running) {
          break;
        }
        connected = false;
        mode = "reconnecting";
        Optional<String> refused = MailTls.refusal(e, url.host() + ":" + url.port());
        lastError = refused.orElse(e.getClass().getSimpleName() + ": " + e.getMessage());
        if (refused.isPresent()) {
          log.error("{}; trying again in {} ms", lastError, backoff);
        } else {
          log.warn("mailbox connection lost ({}); reconnecting in {} ms", lastError, backoff);
        }
        closeQuietly();
        sleep(backoff);
        backoff = Math.min(backoff * 2, reconnectMax.toMillis());
      } catch (RuntimeException | Error e) {
        // an Error too: were this thread to die, no mail would be read again; the round is tried
        // again after the backoff, and the error shows on the status page
        lastError = e.toString();
        log.error("intake round failed", e);
        closeQuietly();
        sleep(backoff);
        backoff = Math.min(backoff * 2, reconnectMax.toMillis());
      }
    }
    closeQuietly();
    connected = false;
    mode = "stopped";
  }

  /** Mails stored before a crash but never processed: process them first. */
  private void recoverStored() {
    try {
      for (long id : inbound.unprocessed(10_000)) {
        processor.process(id);
      }
    } catch (RuntimeException e) {
      log.error("recovering stored mails failed", e);
    }
  }

  private void connect() throws MessagingException {
    closeQuietly();
    Store s = session.getStore();
    s.connect(url.host(), url.port(), url.user(), url.password());
    store = s;
    IMAPFolder f = (IMAPFolder) s.getFolder(folderName());
    f.open(Folder.READ_WRITE);
    // everything below goes over the inbox's own connection: the store's methods (exists, create,
    // hasCapability) would take a second connection, a second login, and Jakarta Mail logs it out
    // and in again whenever the inbox is closed and opened
    boolean[] caps = (boolean[]) f.doCommand(p -> {
      ensureFolder(p, processedFolder);
      return new boolean[] {p.hasCapability("IDLE"), p.hasCapability("MOVE"), p.hasCapability("UIDPLUS")};
    });
    canMove = caps[1];
    canUidplus = caps[2];
    inbox = f;
    alreadyDoneSince.clear();
    connected = true;
    lastError = "";
    mode = useIdle && caps[0] ? "IDLE" : "polling";
    log.info("mailbox {} connected ({}), uidvalidity {}", url, mode, f.getUIDValidity());
  }

  /** Creates a folder unless it exists (another instance may create it at the same moment). */
  private static void ensureFolder(IMAPProtocol p, String name) throws ProtocolException {
    ListInfo[] found = p.list("", name);
    if (found != null && found.length > 0) {
      return;
    }
    try {
      p.create(name);
    } catch (ProtocolException e) {
      ListInfo[] again = p.list("", name);
      if (again == null || again.length == 0) {
        throw e;
      }
    }
  }

  private String folderName() {
    String p = url.path();
    return p.startsWith("/") ? p.substring(1) : p;
  }

  /**
   * Stores, processes and moves every mail in the inbox, a batch at a time. Several instances may
   * drain one mailbox: each starts its batch at a random place so that they mostly take different
   * mails; a mail another instance took meanwhile is either gone (skipped) or found processed by the
   * store (moved without a second effect). Returns when the inbox is empty or a round moved nothing.
   */
  private void drain() throws MessagingException, IOException {
    IMAPFolder f = inbox;
    while (running) {
      lastCheck = clock.millis();
      // the session stays open across batches: a NOOP hears of what other sessions (instances) moved
      // meanwhile, as a fresh SELECT would; Dovecot tells of expunges only in answer to a command
      noop(f);
      forgetExpunged(f);
      int count = f.getMessageCount();
      if (count == 0) {
        if (serverCount(f) > 0) {
          // the session missed a mail's EXISTS: a fresh SELECT shows it
          reopened++;
          f.close(false);
          f.open(Folder.READ_WRITE);
          continue;
        }
        return;
      }
      Message[] batch = f.getMessages(1, Math.min(count, batchSize));
      FetchProfile fp = new FetchProfile();
      fp.add(UIDFolder.FetchProfileItem.UID);
      fp.add(FetchProfile.Item.FLAGS);
      fp.add(FetchProfile.Item.SIZE);
      f.fetch(batch, fp);
      prefetchSmall(f, batch);
      List<Message> done = new ArrayList<>();
      // oldest first: a person's second mail may build on their first; stored and processed in groups
      List<Message> group = new ArrayList<>();
      List<InboundStore.Incoming> raws = new ArrayList<>();
      long groupBytes = 0;
      try {
        for (int i = 0; i < batch.length && running; i++) {
          Message m = batch[i];
          InboundStore.Incoming raw = readIfPresent(f, (IMAPMessage) m);
          if (raw == null) {
            continue;
          }
          group.add(m);
          raws.add(raw);
          groupBytes += raw.raw().length;
          if (group.size() >= GROUP_MAILS || groupBytes >= GROUP_BYTES) {
            accept(f, group, raws, done);
            groupBytes = 0;
          }
        }
        accept(f, group, raws, done);
      } catch (RuntimeException | Error e) {
        // (a transient database fault, say) what the earlier groups committed leaves the inbox first
        if (!done.isEmpty()) {
          moveToProcessed(f, done.toArray(new Message[0]));
        }
        throw e;
      }
      if (done.isEmpty()) {
        return;
      }
      for (Message m : done) {
        alreadyDoneSince.remove(f.getUID(m));
      }
      if (!moveToProcessed(f, done.toArray(new Message[0]))) {
        return;
      }
    }
  }

  /** Stores and processes a group of mails; those to move now join {@code done}. Empties the group. */
  private void accept(IMAPFolder f, List<Message> group, List<InboundStore.Incoming> raws, List<Message> done)
      throws MessagingException {
    if (group.isEmpty()) {
      return;
    }
    List<MailProcessor.Result> results = processor.acceptAll(raws);
    for (int i = 0; i < group.size(); i++) {
      Message m = group.get(i);
      if (results.get(i) != MailProcessor.Result.ALREADY_DONE || settled(f.getUID(m))) {
        done.add(m);
      }
    }
    group.clear();
    raws.clear();
  }

  /**
   * Whether a mail found already processed (by another instance, or before a crash) has stayed in the
   * inbox long enough that this instance should move it. The instance that processed a mail moves it
   * right after; were the others to move it too, two sessions would MOVE one mail at once, and
   * Dovecot then puts it into the processed folder twice (seen: 200 copies too many in 1,000 mails with
   * three instances). So another instance moves it only when it is still there a poll interval after
   * it was first seen processed: its instance died between the commit and the MOVE.
   */
  private boolean settled(long uid) {
    long now = System.nanoTime();
    Long first = alreadyDoneSince.putIfAbsent(uid, now);
    if (alreadyDoneSince.size() > 10_000) {
      alreadyDoneSince.values().removeIf(t -> now - t > 10 * pollInterval.toNanos());
    }
    return first != null && now - first >= pollInterval.toNanos();
  }

  /**
   * Drops mails expunged on the server from the folder's view. Jakarta Mail keeps a mail it learns is
   * expunged (after our MOVE, or another instance's) in the folder, counted and numbered, until this
   * client expunges: without this, after a MOVE the first {@code batchSize} positions would hold only
   * gone mails and the mails behind them would never be read (and the gone mails, with their
   * prefetched contents, would pile up in memory). EXPUNGE removes only mails flagged {@code \Deleted},
   * which in this mailbox are mails already copied to the processed folder.
   */
  private static void forgetExpunged(IMAPFolder f) throws MessagingException {
    for (Message m : f.getMessages()) {
      if (m.isExpunged()) {
        f.expunge();
        return;
      }
    }
  }

  /**
   * A mail as read from the mailbox, or null when it is gone (another instance moved it) or cannot be
   * read; a lost connection is thrown. A mail over {@code limits.message-bytes} is read as its header
   * alone: it is answered that it is too large, and holding it whole would only risk the heap.
   */
  private InboundStore.Incoming readIfPresent(IMAPFolder f, IMAPMessage m) throws MessagingException, IOException {
    try {
      if (m.isExpunged() || m.isSet(Flags.Flag.DELETED)) {
        return null;
      }
      int size = m.getSize();
      if (size > maxMessageBytes) {
        return new InboundStore.Incoming(header(m), size);
      }
      return InboundStore.Incoming.of(read(m));
    } catch (MessageRemovedException e) {
      return null;
    } catch (FolderClosedException | StoreClosedException e) {
      throw e;
    } catch (MessagingException e) {
      if (!f.isOpen()) {
        throw e;
      }
      log.info("mail {} cannot be read now, left in the mailbox: {}", m.getMessageNumber(), e.toString());
      return null;
    }
  }

  /** The header block of a mail (FETCH BODY.PEEK[HEADER]), its bytes as the server sent them. */
  private static byte[] header(IMAPMessage m) throws MessagingException {
    StringBuilder sb = new StringBuilder();
    Enumeration<String> lines = m.getAllHeaderLines();
    while (lines.hasMoreElements()) {
      sb.append(lines.nextElement()).append("\r\n");
    }
    sb.append("\r\n");
    // Jakarta Mail reads header bytes as ISO-8859-1 (one char per byte): this gives the bytes back
    return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * Fetches the small mails of a batch whole in one command: one FETCH per mail costs a network
   * round trip each (and tens of milliseconds against servers without TCP_NODELAY). Large mails
   * are left to be streamed one by one.
   */
  private static void prefetchSmall(IMAPFolder f, Message[] batch) throws MessagingException {
    List<Message> small = new ArrayList<>();
    long bytes = 0;
    for (Message m : batch) {
      if (!m.isExpunged() && m.getSize() >= 0 && m.getSize() < SMALL_MAIL_BYTES && bytes + m.getSize() <= PREFETCH_BYTES) {
        small.add(m);
        bytes += m.getSize();
      }
    }
    if (!small.isEmpty()) {
      FetchProfile whole = new FetchProfile();
      whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
      f.fetch(small.toArray(new Message[0]), whole);
    }
  }

  /**
   * The raw bytes of a mail, held once: the buffer is sized from the server's RFC822.SIZE and handed
   * over as it is when the size was exact (a 20 MB mail is not copied a second time).
   */
  private static byte[] read(IMAPMessage m) throws MessagingException, IOException {
    ExactBuffer out = new ExactBuffer(Math.max(1024, m.getSize()));
    m.writeTo(out);
    return out.bytes();
  }

  /** A byte buffer that gives its array away without a copy when it is exactly full. */
  private static final class ExactBuffer extends ByteArrayOutputStream {
    ExactBuffer(int size) {
      super(size);
    }

    byte[] bytes() {
      return count == buf.length ? buf : Arrays.copyOf(buf, count);
    }
  }

  /**
   * Moves processed mails out of the inbox by UID (UID MOVE, or UID COPY + \\Deleted + UID EXPUNGE),
   * never by sequence number: a server that announces expunges late (or not at all, as GreenMail
   * after MOVE) would otherwise make a later move hit a mail that was never processed. The session
   * stays open when the server has announced the expunges (MOVE's untagged EXPUNGE, RFC 6851, or the
   * answer to a NOOP): closing and reopening the inbox costs a logout and a login in Jakarta Mail, and
   * hosted mailboxes throttle logins. Only otherwise is the folder opened afresh, so that the next
   * batch sees the server's numbering. False when nothing could
   * be moved now (another instance moved them, or the server refused): the caller waits for more.
   */
  private boolean moveToProcessed(IMAPFolder f, Message[] msgs) throws MessagingException {
    // what another instance moved since the batch was read is left alone: two sessions moving one mail
    // put it into the processed folder twice
    noop(f);
    List<Long> uids = new ArrayList<>();
    boolean goneMeanwhile = false;
    for (Message m : msgs) {
      if (m.isExpunged()) {
        goneMeanwhile = true;
        continue;
      }
      long uid = f.getUID(m);
      if (uid > 0) {
        uids.add(uid);
      }
    }
    if (uids.isEmpty()) {
      return goneMeanwhile;
    }
    String set = uidSet(uids);
    String dest = "\"" + processedFolder.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    boolean move = canMove;
    boolean uidplus = canUidplus;
    boolean moved;
    try {
      f.doCommand(p -> {
        if (move) {
          uidCommand(p, "UID MOVE " + set + " " + dest);
        } else {
          uidCommand(p, "UID COPY " + set + " " + dest);
          uidCommand(p, "UID STORE " + set + " +FLAGS.SILENT (\\Deleted)");
          uidCommand(p, uidplus ? "UID EXPUNGE " + set : "EXPUNGE");
        }
        return null;
      });
      moved = true;
    } catch (FolderClosedException | StoreClosedException e) {
      throw e;
    } catch (MessagingException e) {
      log.info("moving {} processed mails failed now ({}); they are processed and will be moved later", uids.size(),
          e.toString());
      moved = false;
    }
    if (moved && !allExpunged(msgs)) {
      // the server may tell of the expunges only with its next answer
      noop(f);
    }
    if (!moved || !allExpunged(msgs)) {
      // the server did not tell (GreenMail after MOVE), or the move failed: only a fresh SELECT shows
      // its numbering now. Dovecot tells, so the session stays as it is: one login for the intake's life
      reopened++;
      f.close(false);
      f.open(Folder.READ_WRITE);
    }
    return moved;
  }

  /**
   * How many mails the server holds in the folder (STATUS MESSAGES, over the folder's own
   * connection), asked when the session sees none. A session can miss a mail's arrival for good:
   * GreenMail (the embedded demo server and the tests' server) tells a session of new mails by a
   * flag it reads, answers and then clears, so a mail that lands between the answer and the clear is
   * never announced, and no NOOP or IDLE shows it until another mail comes (HostileMailIT's
   * {@code long-header-line} case, whose slow MOVE of 2 MB widened that moment: the next mail sat
   * unread). One round trip per empty look; -1 when the server does not say.
   */
  private static int serverCount(IMAPFolder f) throws MessagingException {
    String name = f.getFullName();
    Object total = f.doCommand(p -> p.status(name, new String[] {"MESSAGES"}).total);
    return total instanceof Integer ? (Integer) total : -1;
  }

  /** A NOOP on the folder's session: the server's answer brings its news (EXISTS, EXPUNGE). */
  private static void noop(IMAPFolder f) throws MessagingException {
    f.doCommand(p -> {
      p.noop();
      return null;
    });
  }

  private static boolean allExpunged(Message[] msgs) {
    for (Message m : msgs) {
      if (!m.isExpunged()) {
        return false;
      }
    }
    return true;
  }

  /** How often the inbox was closed and opened again after a move (tests; 0 on Dovecot). */
  public long reopened() {
    return reopened;
  }

  private static void uidCommand(org.eclipse.angus.mail.imap.protocol.IMAPProtocol p, String command)
      throws org.eclipse.angus.mail.iap.ProtocolException {
    org.eclipse.angus.mail.iap.Response[] r = p.command(command, null);
    p.notifyResponseHandlers(r);
    p.handleResult(r[r.length - 1]);
  }

  /** A UID set such as 3:5,9 (sorted, runs folded). */
  static String uidSet(List<Long> uids) {
    List<Long> sorted = new ArrayList<>(uids);
    java.util.Collections.sort(sorted);
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < sorted.size()) {
      long from = sorted.get(i);
      long to = from;
      while (i + 1 < sorted.size() && sorted.get(i + 1) <= to + 1) {
        to = sorted.get(++i);
      }
      sb.append(sb.length() == 0 ? "" : ",").append(from).append(from == to ? "" : ":" + to);
      i++;
    }
    return sb.toString();
  }




  private void waitForMail() throws MessagingException {
    if (!running) {
      return;
    }
    if (mode.equals("IDLE")) {
      idling = true;
      try {
        inbox.idle(true);
      } finally {
        idling = false;
      }
    } else {
      synchronized (pollLock) {
        try {
          pollLock.wait(pollInterval.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running = false;
        }
      }
    }
  }

  /**
   * Ends an IDLE (any command on the folder does) so that the loop checks the mailbox again; when
   * polling, the loop's own wait of {@code mail.poll-interval} does that.
   */
  private void checkWhileIdle() {
    checkIdle(false);
  }

  private void checkIdle(boolean always) {
    IMAPFolder f = inbox;
    try {
      if (f != null && f.isOpen() && mode.equals("IDLE") && (idling || always)) {
        // a NOOP through doCommand ends the IDLE every time; getMessageCount() would only do so when
        // the connection had been quiet for a second (Jakarta Mail's keep-alive rule)
        f.doCommand(p -> {
          p.noop();
          return null;
        });
      }
    } catch (MessagingException | RuntimeException e) {
      log.debug("watchdog: {}", e.toString());
    }
  }

  /** Ends an IDLE or a poll wait at once (stop). */
  private void poke() {
    checkIdle(true);
    synchronized (pollLock) {
      pollLock.notifyAll();
    }
  }

  private void closeQuietly() {
    IMAPFolder f = inbox;
    inbox = null;
    Store s = store;
    store = null;
    try {
      if (f != null && f.isOpen()) {
        f.close(false);
      }
    } catch (MessagingException | RuntimeException e) {
      log.debug("closing folder: {}", e.toString());
    }
    try {
      if (s != null) {
        s.close();
      }
    } catch (MessagingException | RuntimeException e) {
      log.debug("closing store: {}", e.toString());
    }
  }

  private void sleep(long ms) {
    synchronized (pollLock) {
      try {
        pollLock.wait(ms);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }

  /**
   * Stops gracefully (SIGTERM, docs/DEPLOY.md): no new batch is read, the group in hand is stored,
   * processed and moved, then the session logs out. An IDLE is ended with a NOOP; only a round that
   * is not done within {@link #STOP_GRACE} has its connection cut (what it had committed is found
   * processed at the next start and only moved).
   */
  public void stop() {
    running = false;
    if (watchdog != null) {
      watchdog.shutdownNow();
    }
    poke();
    Thread t = thread;
    if (t != null) {
      join(t, STOP_GRACE.toMillis());
    }
    Store s = store;
    if (t != null && t.isAlive() && s != null) {
      try {
        s.close();
      } catch (MessagingException | RuntimeException e) {
        log.debug("stop: {}", e.toString());
      }
      join(t, 2000);
    }
  }

  private static void join(Thread t, long millis) {
    try {
      t.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
