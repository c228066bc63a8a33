package io.marketdesk.intake;

import io.marketdesk.config.Config.MailUrl;
import io.marketdesk.config.MailConnection;
import io.marketdesk.config.MailTls;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.SizeTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.ListInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service mailbox over one IMAP session: connect (one login, kept for the intake's life), look
 * (NOOP, the count, STATUS), fetch a batch, read a mail's bytes, move processed mails by UID, and
 * IDLE. Everything goes over the inbox's own connection. Used by the intake thread; {@link
 * #noopWhileIdle} and {@link #close} may be called from any thread.
 */
final class Mailbox {
  private static final Logger log = LoggerFactory.getLogger(Mailbox.class);
  private static final int SMALL_MAIL_BYTES = 256 * 1024;
  /** The small mails of a batch fetched in one command, up to this many bytes together. */
  private static final long PREFETCH_BYTES = 8L * 1024 * 1024;

  private final MailUrl url;
  private final String processedFolder;
  private final long maxMessageBytes;
  private final Session session;
  private volatile Store store;
  private volatile IMAPFolder inbox;
  /** The server's capabilities, read once a session. */
  private volatile boolean canIdle;
  private volatile boolean canMove;
  private volatile boolean canUidplus;
  private volatile long reopened;

  /**
   * @param readTimeout how long a read may wait for the server (longer than a poll or an IDLE round)
   * @param maxMessageBytes a larger mail is read as its header alone
   */
  Mailbox(MailUrl url, String processedFolder, long maxMessageBytes, Duration readTimeout, MailTls tls) {
    this.url = url;
    this.processedFolder = processedFolder;
    this.maxMessageBytes = maxMessageBytes;
    this.session = Session.getInstance(properties(url, readTimeout, tls));
  }

  private static Properties properties(MailUrl url, Duration readTimeout, MailTls tls) {
    Properties p = MailConnection.properties("imap", url, tls, readTimeout.toMillis());
    String proto = MailConnection.protocol("imap", url);
    p.put("mail.store.protocol", proto);
    p.put("mail." + proto + ".partialfetch", "false");
    p.put("mail." + proto + ".peek", "true");
    return p;
  }

  /** Logs in, opens the inbox and makes the processed folder unless it exists. */
  void connect() throws MessagingException {
    close();
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
    canIdle = caps[0];
    canMove = caps[1];
    canUidplus = caps[2];
    inbox = f;
  }

  /** Whether the server offers IDLE (known once connected). */
  boolean canIdle() {
    return canIdle;
  }

  /** The inbox's UIDVALIDITY, for the log. */
  long uidValidity() throws MessagingException {
    return inbox.getUIDValidity();
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
   * Hears what other sessions (instances) did meanwhile, as a fresh SELECT would (Dovecot tells of
   * expunges only in answer to a command), and drops the expunged mails from the session's view.
   */
  void look() throws MessagingException {
    noop(inbox);
    forgetExpunged(inbox);
  }

  /** How many mails the session sees in the inbox. */
  int count() throws MessagingException {
    return inbox.getMessageCount();
  }

  /**
   * How many mails the server holds in the inbox (STATUS MESSAGES, over the folder's own
   * connection), asked when the session sees none. A session can miss a mail's arrival for good:
   * GreenMail (the embedded demo server and the tests' server) tells a session of new mails by a
   * flag it reads, answers and then clears, so a mail that lands between the answer and the clear is
   * never announced, and no NOOP or IDLE shows it until another mail comes (HostileMailIT's
   * {@code long-header-line} case, whose slow MOVE of 2 MB widened that moment: the next mail sat
   * unread). One round trip per empty look; -1 when the server does not say.
   */
  int serverCount() throws MessagingException {
    IMAPFolder f = inbox;
    String name = f.getFullName();
    Object total = f.doCommand(p -> p.status(name, new String[] {"MESSAGES"}).total);
    return total instanceof Integer ? (Integer) total : -1;
  }

  /** Closes and opens the inbox: only a fresh SELECT shows a mail whose EXISTS the session missed. */
  void reopen() throws MessagingException {
    reopened++;
    inbox.close(false);
    inbox.open(Folder.READ_WRITE);
  }

  /**
   * The first {@code n} mails of the inbox, oldest first, with their UID, flags and size, the small
   * ones fetched whole in one command: one FETCH per mail costs a network round trip each (and tens
   * of milliseconds against servers without TCP_NODELAY). Large mails are left to be streamed one by
   * one. A SEARCH first names the batch's mails over an even share of the prefetch budget (most
   * batches have none), so that the others come whole with their UID, flags and size in the same
   * FETCH: GreenMail spends as much on a FETCH of a mail's size as on one of the mail itself, and
   * a FETCH for the sizes, then one for the mails, cost it twice (docs/BENCHMARKS.md).
   */
  Message[] fetch(int n) throws MessagingException {
    IMAPFolder f = inbox;
    Message[] batch = f.getMessages(1, n);
    int share = (int) Math.min(SMALL_MAIL_BYTES, PREFETCH_BYTES / Math.max(1, batch.length));
    Set<Message> over;
    try {
      over = new HashSet<>(Arrays.asList(f.search(new SizeTerm(ComparisonTerm.GT, share), batch)));
    } catch (FolderClosedException | StoreClosedException e) {
      throw e;
    } catch (MessagingException e) {
      // a server that will not search: the sizes first, as for large mails
      over = new HashSet<>(Arrays.asList(batch));
    }
    List<Message> within = new ArrayList<>();
    List<Message> larger = new ArrayList<>();
    for (Message m : batch) {
      (over.contains(m) ? larger : within).add(m);
    }
    if (larger.isEmpty()) {
      try {
        f.fetch(batch, profile(true));
        return batch;
      } catch (NullPointerException e) {
        // Jakarta Mail fails on a body the server gives as NIL: a mail another session (instance)
        // expunged meanwhile. The two steps below leave out what the first one shows gone.
        log.debug("one FETCH for the batch failed ({}); sizes first", e.toString());
        within.clear();
        larger.addAll(Arrays.asList(batch));
      }
    }
    f.fetch(batch, profile(false));
    // the rest of the budget goes to the larger ones that are still small, in order
    long bytes = 0;
    List<Message> small = new ArrayList<>(within);
    for (Message m : within) {
      bytes += Math.max(0, m.getSize());
    }
    for (Message m : larger) {
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
    return batch;
  }

  /** UID, flags and size, and with {@code whole} the mail itself. */
  private static FetchProfile profile(boolean whole) {
    FetchProfile p = new FetchProfile();
    p.add(UIDFolder.FetchProfileItem.UID);
    p.add(FetchProfile.Item.FLAGS);
    p.add(FetchProfile.Item.SIZE);
    if (whole) {
      p.add(IMAPFolder.FetchProfileItem.MESSAGE);
    }
    return p;
  }

  /** A mail's UID in the inbox. */
  long uid(Message m) throws MessagingException {
    return inbox.getUID(m);
  }

  /**
   * A mail as read from the mailbox, or null when it is gone (another instance moved it) or cannot be
   * read; a lost connection is thrown. A mail over {@code limits.message-bytes} is read as its header
   * alone: it is answered that it is too large, and holding it whole would only risk the heap.
   */
  InboundStore.Incoming read(Message message) throws MessagingException, IOException {
    IMAPMessage m = (IMAPMessage) message;
    try {
      if (m.isExpunged() || m.isSet(Flags.Flag.DELETED)) {
        return null;
      }
      int size = m.getSize();
      if (size > maxMessageBytes) {
        return new InboundStore.Incoming(header(m), size);
      }
      return InboundStore.Incoming.of(whole(m));
    } catch (MessageRemovedException e) {
      return null;
    } catch (FolderClosedException | StoreClosedException e) {
      throw e;
    } catch (MessagingException e) {
      if (!inbox.isOpen()) {
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
   * The raw bytes of a mail, held once: the buffer is sized from the server's RFC822.SIZE and handed
   * over as it is when the size was exact (a 20 MB mail is not copied a second time).
   */
  private static byte[] whole(IMAPMessage m) throws MessagingException, IOException {
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
   * Moves processed mails out of the inbox by UID (UID MOVE, or UID COPY + \\Deleted + UID EXPUNGE),
   * never by sequence number: a server that announces expunges late (or not at all, as GreenMail
   * after MOVE) would otherwise make a later move hit a mail that was never processed. The session
   * stays open when the server has announced the expunges (MOVE's untagged EXPUNGE, RFC 6851, or the
   * answer to a NOOP): closing and reopening the inbox costs a logout and a login in Jakarta Mail, and
   * hosted mailboxes throttle logins. Only otherwise is the folder opened afresh, so that the next
   * batch sees the server's numbering. False when nothing could
   * be moved now (another instance moved them, or the server refused): the caller waits for more.
   */
  boolean moveToProcessed(List<Message> msgs) throws MessagingException {
    IMAPFolder f = inbox;
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
      reopen();
    }
    return moved;
  }

  /** A NOOP on the folder's session: the server's answer brings its news (EXISTS, EXPUNGE). */
  private static void noop(IMAPFolder f) throws MessagingException {
    f.doCommand(p -> {
      p.noop();
      return null;
    });
  }

  private static boolean allExpunged(List<Message> msgs) {
    for (Message m : msgs) {
      if (!m.isExpunged()) {
        return false;
      }
    }
    return true;
  }

  /** How often the inbox was closed and opened again after a move (tests; 0 on Dovecot). */
  long reopened() {
    return reopened;
  }

  private static void uidCommand(IMAPProtocol p, String command) throws ProtocolException {
    Response[] r = p.command(command, null);
    p.notifyResponseHandlers(r);
    p.handleResult(r[r.length - 1]);
  }

  /** A UID set such as 3:5,9 (sorted, runs folded). */
  static String uidSet(List<Long> uids) {
    List<Long> sorted = new ArrayList<>(uids);
    Collections.sort(sorted);
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

  /** Waits in IDLE until the server tells of news or a NOOP from another thread ends it. */
  void idle() throws MessagingException {
    inbox.idle(true);
  }

  /**
   * A NOOP from another thread: it ends an IDLE every time; getMessageCount() would only do so when
   * the connection had been quiet for a second (Jakarta Mail's keep-alive rule). Faults are the
   * intake thread's to see.
   */
  void noopWhileIdle() {
    IMAPFolder f = inbox;
    try {
      if (f != null && f.isOpen()) {
        noop(f);
      }
    } catch (MessagingException | RuntimeException e) {
      log.debug("watchdog: {}", e.toString());
    }
  }

  /** Logs out (closing the inbox, then the store); quiet about a session already gone. */
  void close() {
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

  /** Cuts the connection of a round that does not end (stop): the intake thread's command fails. */
  void cut() {
    Store s = store;
    if (s != null) {
      try {
        s.close();
      } catch (MessagingException | RuntimeException e) {
        log.debug("stop: {}", e.toString());
      }
    }
  }

  /** Whether a session is open (the stop's cut applies). */
  boolean open() {
    return store != null;
  }
}
