package io.marketdesk.intake;

import io.marketdesk.config.Config.MailUrl;
import io.marketdesk.config.MailTls;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intake loop: reads the service {@link Mailbox} (IMAP IDLE where the server offers it, polling
 * otherwise; reconnects with backoff) a batch at a time, and takes each group of up to 20 mails
 * through three steps: store (one transaction, {@link InboundStore#storeAll}), process (one
 * transaction, a savepoint per mail, {@link MailProcessor#processStored}), then move to the
 * processed folder what this round settled. A crash at any point loses nothing, and the store's
 * dedupe key keeps a mail fetched twice from acting twice. One thread; {@link #stop()} may be
 * called from any thread.
 */
public final class ImapIntake {
  private static final Logger log = LoggerFactory.getLogger(ImapIntake.class);
  /**
   * The first reconnect comes quickly (then 2x up to mail.reconnect-max): a connection dropped once
   * (an idle timeout, a NAT, or the embedded GreenMail, which drops a session when a mail lands while
   * it is answering a NOOP) is back at once, and a server that is down is not hammered.
   */
  private static final long FIRST_RETRY_MILLIS = 100;
  /** Mails stored and processed together: one transaction each step for up to this many mails or bytes. */
  private static final int GROUP_MAILS = 20;
  private static final long GROUP_BYTES = 4L * 1024 * 1024;
  /** How long {@link #stop()} lets the round in hand finish before it cuts the connection. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(6);

  /** What the status page shows of the intake. */
  public record Status(boolean connected, String mode, long lastCheck, String lastError) {}

  /** A mail of the group in hand: where it is in the mailbox, and its bytes. */
  private record Fetched(Message message, InboundStore.Incoming mail) {}

  private final MailUrl url;
  private final Mailbox mailbox;
  private final MailProcessor processor;
  private final InboundStore inbound;
  private final boolean useIdle;
  private final Duration pollInterval;
  private final Duration idleCheck;
  private final Duration reconnectMax;
  private final int batchSize;
  private final Clock clock;
  private final Object pollLock = new Object();
  /** UID -> when (nanoTime) this instance first found the mail already processed; intake thread only. */
  private final Map<Long, Long> alreadyDoneSince = new HashMap<>();
  private volatile boolean running;
  private volatile boolean connected;
  private volatile String mode = "starting";
  private volatile long lastCheck;
  private volatile String lastError = "";
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
    this.useIdle = useIdle;
    this.pollInterval = pollInterval;
    this.idleCheck = idleCheck.isZero() || idleCheck.isNegative() || idleCheck.compareTo(pollInterval) > 0
        ? pollInterval : idleCheck;
    this.reconnectMax = reconnectMax;
    this.batchSize = batchSize;
    this.clock = clock;
    this.mailbox = new Mailbox(url, processedFolder, maxMessageBytes, pollInterval.plusSeconds(60), tls);
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
        mailbox.close();
        sleep(backoff);
        backoff = Math.min(backoff * 2, reconnectMax.toMillis());
      } catch (RuntimeException | Error e) {
        // an Error too: were this thread to die, no mail would be read again; the round is tried
        // again after the backoff, and the error shows on the status page
        lastError = e.toString();
        log.error("intake round failed", e);
        mailbox.close();
        sleep(backoff);
        backoff = Math.min(backoff * 2, reconnectMax.toMillis());
      }
    }
    mailbox.close();
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
    mailbox.connect();
    alreadyDoneSince.clear();
    connected = true;
    lastError = "";
    mode = useIdle && mailbox.canIdle() ? "IDLE" : "polling";
    log.info("mailbox {} connected ({}), uidvalidity {}", url, mode, mailbox.uidValidity());
  }

  /**
   * Stores, processes and moves every mail in the inbox, a batch at a time. Several instances may
   * drain one mailbox: each starts its batch at a random place so that they mostly take different
   * mails; a mail another instance took meanwhile is either gone (skipped) or found processed by the
   * store (moved without a second effect). Returns when the inbox is empty or a round moved nothing.
   */
  private void drain() throws MessagingException, IOException {
    while (running) {
      lastCheck = clock.millis();
      // the session stays open across batches: a NOOP hears of what other sessions (instances) moved
      // meanwhile, as a fresh SELECT would
      mailbox.look();
      int count = mailbox.count();
      if (count == 0) {
        if (mailbox.serverCount() > 0) {
          // the session missed a mail's EXISTS: a fresh SELECT shows it
          mailbox.reopen();
          continue;
        }
        return;
      }
      Message[] batch = mailbox.fetch(Math.min(count, batchSize));
      List<Message> done = new ArrayList<>();
      // oldest first: a person's second mail may build on their first; stored and processed in groups
      List<Fetched> group = new ArrayList<>();
      long groupBytes = 0;
      try {
        for (int i = 0; i < batch.length && running; i++) {
          InboundStore.Incoming mail = mailbox.read(batch[i]);
          if (mail == null) {
            continue;
          }
          group.add(new Fetched(batch[i], mail));
          groupBytes += mail.raw().length;
          if (group.size() >= GROUP_MAILS || groupBytes >= GROUP_BYTES) {
            done.addAll(accept(group));
            group.clear();
            groupBytes = 0;
          }
        }
        done.addAll(accept(group));
      } catch (RuntimeException | Error e) {
        // (a transient database fault, say) what the earlier groups committed leaves the inbox first
        if (!done.isEmpty()) {
          mailbox.moveToProcessed(done);
        }
        throw e;
      }
      if (done.isEmpty()) {
        return;
      }
      for (Message m : done) {
        alreadyDoneSince.remove(mailbox.uid(m));
      }
      if (!mailbox.moveToProcessed(done)) {
        return;
      }
    }
  }

  /**
   * One group's steps: store it, process what it holds new, and say which of its mails to move now
   * ({@link #moveNow}).
   */
  private List<Message> accept(List<Fetched> group) throws MessagingException {
    if (group.isEmpty()) {
      return List.of();
    }
    List<InboundStore.Incoming> mails = group.stream().map(Fetched::mail).toList();
    List<InboundStore.Stored> stored = inbound.storeAll(mails);
    List<MailProcessor.Result> results = processor.processStored(stored, mails);
    List<Message> move = new ArrayList<>();
    for (int i = 0; i < group.size(); i++) {
      Message m = group.get(i).message();
      if (moveNow(results.get(i), m)) {
        move.add(m);
      }
    }
    return move;
  }

  /**
   * Whether to move a mail now: one this round processed (whatever came of it) is moved right after;
   * one found already processed (by another instance, or before a crash) only once it has stayed in
   * the inbox long enough that its instance must have died between the commit and the MOVE. Were
   * every instance to move it at once, two sessions would MOVE one mail, and Dovecot then puts it
   * into the processed folder twice (seen: 200 copies too many in 1,000 mails with three instances).
   * So another instance moves it only when it is still there a poll interval after it was first seen
   * processed, and of the instances that get there only the one that claims the move in the store.
   */
  private boolean moveNow(MailProcessor.Result result, Message m) throws MessagingException {
    if (result != MailProcessor.Result.ALREADY_DONE) {
      return true;
    }
    long uid = mailbox.uid(m);
    long now = System.nanoTime();
    Long first = alreadyDoneSince.putIfAbsent(uid, now);
    if (alreadyDoneSince.size() > 10_000) {
      alreadyDoneSince.values().removeIf(t -> now - t > 10 * pollInterval.toNanos());
    }
    if (first == null || now - first < pollInterval.toNanos()) {
      return false;
    }
    // every survivor gets here about together: one of them moves it (docs/reliability.md)
    long period = (now - first) / (10 * pollInterval.toNanos());
    return inbound.claimMove(mailbox.uidValidity() + ":" + uid, period);
  }

  /** How often the inbox was closed and opened again after a move (tests; 0 on Dovecot). */
  public long reopened() {
    return mailbox.reopened();
  }

  private void waitForMail() throws MessagingException {
    if (!running) {
      return;
    }
    if (mode.equals("IDLE")) {
      idling = true;
      try {
        mailbox.idle();
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
    if (mode.equals("IDLE") && (idling || always)) {
      mailbox.noopWhileIdle();
    }
  }

  /** Ends an IDLE or a poll wait at once (stop). */
  private void poke() {
    checkIdle(true);
    synchronized (pollLock) {
      pollLock.notifyAll();
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
    if (t != null && t.isAlive() && mailbox.open()) {
      mailbox.cut();
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
