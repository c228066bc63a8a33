package io.marketdesk.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The audit log's hash chain (docs/history.md, docs/adr/0023-audit-chain.md). Each entry, once
 * sealed, holds its place in the chain ({@code seq}), the hash of the entry before it and a SHA-256
 * over its own content and that hash, in the canonical encoding of {@link #canonical}. Sealing takes
 * the entries not yet in the chain, oldest first, in a short transaction of its own that locks the
 * one chain-head row, so that several instances on one PostgreSQL database extend one chain and
 * never fork it. {@link #verify} walks the chain and names the first entry that does not fit.
 * Stateless and thread-safe.
 */
public final class AuditChain {
  /** The hash the first entry points back to. */
  public static final String GENESIS = "0".repeat(64);
  private static final int BATCH = 500;

  /** What is wrong with the first entry that does not fit. */
  public enum Problem {
    /** Its content is not what its hash was computed over: the row was edited. */
    EDITED,
    /** It points back to an entry that comes after it: rows were reordered. */
    REORDERED,
    /** It points back to an entry that is not there: the entry (or entries) before it were deleted. */
    MISSING_BEFORE,
    /** The chain's head names a later entry than the last one there: the last entries were deleted. */
    MISSING_AT_END
  }

  /**
   * The result of one verification.
   *
   * @param entries the sealed entries checked
   * @param badSeq the place in the chain where it breaks, or null when it holds
   * @param badId the row id of the first entry that does not fit, or null (also for MISSING_AT_END)
   * @param problem what is wrong there, or null when it holds
   */
  public record Verification(long at, long entries, Long badSeq, Long badId, Problem problem) {
    public boolean ok() {
      return problem == null;
    }
  }

  private final Clock clock;

  public AuditChain(Clock clock) {
    this.clock = clock;
  }

  /** Seals every entry not yet in the chain; returns how many. Opens its own transactions. */
  public int seal(Jdbi jdbi) {
    int total = 0;
    while (true) {
      int n = jdbi.inTransaction(h -> sealBatch(h, BATCH));
      total += n;
      if (n < BATCH) {
        return total;
      }
    }
  }

  /** Seals up to {@code max} entries in the caller's transaction, holding the chain head until it ends. */
  public int sealBatch(Handle h, int max) {
    // the UPDATE takes the head row's lock: a second sealer (another instance) waits here until this
    // transaction commits, and then reads the head this one left
    h.createUpdate("UPDATE audit_chain SET seq = seq WHERE id = 1").execute();
    Head head = h.createQuery("SELECT seq, hash FROM audit_chain WHERE id = 1")
        .map((rs, ctx) -> new Head(rs.getLong("seq"), rs.getString("hash")))
        .one();
    List<Row> rows = h.createQuery("SELECT " + COLUMNS + " FROM audit_log WHERE seq IS NULL ORDER BY id")
        .setMaxRows(max)
        .map((rs, ctx) -> row(rs))
        .list();
    long seq = head.seq();
    String prev = head.hash();
    var batch = h.prepareBatch("UPDATE audit_log SET seq = :seq, prev_hash = :prev, hash = :hash WHERE id = :id");
    for (Row r : rows) {
      seq++;
      String hash = hash(r, prev);
      batch.bind("seq", seq).bind("prev", prev).bind("hash", hash).bind("id", r.id()).add();
      prev = hash;
    }
    if (!rows.isEmpty()) {
      batch.execute();
    }
    if (!rows.isEmpty()) {
      h.createUpdate("UPDATE audit_chain SET seq = :seq, hash = :hash WHERE id = 1").bind("seq", seq).bind("hash", prev).execute();
    }
    return rows.size();
  }

  /**
   * Seals what is waiting, then checks the whole chain, and records the result for the status page.
   *
   * @param by who asked ({@code cli}, {@code timer}), for the record
   */
  public Verification verify(Jdbi jdbi, String by) {
    seal(jdbi);
    // in a transaction, so that PostgreSQL streams the rows with the fetch size instead of loading them all
    Verification v = jdbi.inTransaction(this::check);
    jdbi.useTransaction(h -> h.createUpdate("INSERT INTO audit_verification (at, ok, entries, bad_seq, bad_id, problem, by_who)"
            + " VALUES (:at, :ok, :n, :seq, :id, :p, :by)")
        .bind("at", v.at()).bind("ok", v.ok() ? 1 : 0).bind("n", v.entries()).bind("seq", v.badSeq()).bind("id", v.badId())
        .bind("p", v.problem() == null ? null : v.problem().name()).bind("by", by).execute());
    return v;
  }

  /**
   * Checks the sealed chain as it is now, streaming it in {@code seq} order (memory does not grow
   * with the log); writes nothing.
   */
  public Verification check(Handle h) {
    long now = clock.millis();
    String[] prev = {GENESIS};
    long[] last = {0};
    Verification[] broken = {null};
    try (var stream = h.createQuery("SELECT " + COLUMNS + ", seq, prev_hash, hash FROM audit_log WHERE seq IS NOT NULL ORDER BY seq")
        .setFetchSize(1000)
        .map((rs, ctx) -> row(rs)).stream()) {
      var rows = stream.iterator();
      while (rows.hasNext() && broken[0] == null) {
        Row r = rows.next();
        if (!hash(r, r.prevHash()).equals(r.hash())) {
          broken[0] = new Verification(now, 0, r.seq(), r.id(), Problem.EDITED);
        } else if (!r.prevHash().equals(prev[0])) {
          // where is the entry it points back to? later in the chain: reordered; nowhere: deleted
          Optional<Long> at = h.createQuery("SELECT seq FROM audit_log WHERE hash = :h").bind("h", r.prevHash())
              .mapTo(Long.class).findFirst();
          broken[0] = new Verification(now, 0, r.seq(), r.id(),
              at.isPresent() && at.get() > r.seq() ? Problem.REORDERED : Problem.MISSING_BEFORE);
        } else {
          prev[0] = r.hash();
          last[0] = r.seq();
        }
      }
    }
    long total = h.createQuery("SELECT COUNT(*) FROM audit_log WHERE seq IS NOT NULL").mapTo(Long.class).one();
    if (broken[0] != null) {
      Verification b = broken[0];
      return new Verification(b.at(), total, b.badSeq(), b.badId(), b.problem());
    }
    Head head = h.createQuery("SELECT seq, hash FROM audit_chain WHERE id = 1")
        .map((rs, ctx) -> new Head(rs.getLong("seq"), rs.getString("hash"))).one();
    if (!head.hash().equals(prev[0]) || head.seq() != last[0]) {
      return new Verification(now, total, last[0] + 1, null, Problem.MISSING_AT_END);
    }
    return new Verification(now, total, null, null, null);
  }

  /** The last recorded verification, if any. */
  public Optional<Verification> last(Handle h) {
    return h.createQuery("SELECT at, ok, entries, bad_seq, bad_id, problem FROM audit_verification ORDER BY id DESC")
        .setMaxRows(1)
        .map((rs, ctx) -> new Verification(rs.getLong("at"), rs.getLong("entries"),
            rs.getObject("bad_seq") == null ? null : rs.getLong("bad_seq"),
            rs.getObject("bad_id") == null ? null : rs.getLong("bad_id"),
            rs.getString("problem") == null ? null : Problem.valueOf(rs.getString("problem"))))
        .findFirst();
  }

  /** The entries sealed so far and the ones waiting to be. */
  public long[] counts(Handle h) {
    long sealed = h.createQuery("SELECT seq FROM audit_chain WHERE id = 1").mapTo(Long.class).one();
    long waiting = h.createQuery("SELECT COUNT(*) FROM audit_log WHERE seq IS NULL").mapTo(Long.class).one();
    return new long[] {sealed, waiting};
  }

  private static final String COLUMNS = "id, at, actor, actor_role, source, message_id, subject, auth, inbound_id,"
      + " entity, entity_id, action, before_state, after_state";

  private record Head(long seq, String hash) {}

  /** An entry as stored; seq, prevHash and hash are null until sealed. */
  record Row(long id, long at, String actor, String actorRole, String source, String messageId, String subject,
      String auth, Long inboundId, String entity, String entityId, String action, String before, String after,
      Long seq, String prevHash, String hash) {}

  private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
    boolean sealed = hasColumn(rs, "hash");
    return new Row(rs.getLong("id"), rs.getLong("at"), rs.getString("actor"), rs.getString("actor_role"),
        rs.getString("source"), rs.getString("message_id"), rs.getString("subject"), rs.getString("auth"),
        rs.getObject("inbound_id") == null ? null : rs.getLong("inbound_id"), rs.getString("entity"),
        rs.getString("entity_id"), rs.getString("action"), rs.getString("before_state"), rs.getString("after_state"),
        sealed ? rs.getLong("seq") : null, sealed ? rs.getString("prev_hash") : null, sealed ? rs.getString("hash") : null);
  }

  private static boolean hasColumn(java.sql.ResultSet rs, String name) throws java.sql.SQLException {
    var md = rs.getMetaData();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      if (md.getColumnLabel(i).equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /** The entry's hash: lower-case hex SHA-256 of {@link #canonical}. */
  static String hash(Row r, String prevHash) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical(r, prevHash));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /**
   * The canonical encoding of an entry (docs/history.md): the line {@code marketdesk-audit-1}, then
   * one line per field in this order: at (epoch milliseconds, decimal), actor, actor role, source,
   * Message-ID, subject, authentication result, inbound mail id (decimal), entity, entity id, action,
   * before, after, previous hash. A field is {@code -} when null, else its length in UTF-8 bytes in
   * decimal, a colon, and its UTF-8 bytes; each line ends with {@code \n}. The length prefix makes the
   * encoding unambiguous whatever a field holds (line breaks, colons). The row id and the place in the
   * chain are not hashed: the order is in the previous-hash links.
   */
  static byte[] canonical(Row r, String prevHash) {
    StringBuilder b = new StringBuilder("marketdesk-audit-1\n");
    field(b, Long.toString(r.at()));
    field(b, r.actor());
    field(b, r.actorRole());
    field(b, r.source());
    field(b, r.messageId());
    field(b, r.subject());
    field(b, r.auth());
    field(b, r.inboundId() == null ? null : Long.toString(r.inboundId()));
    field(b, r.entity());
    field(b, r.entityId());
    field(b, r.action());
    field(b, r.before());
    field(b, r.after());
    field(b, prevHash);
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void field(StringBuilder b, String value) {
    if (value == null) {
      b.append("-\n");
    } else {
      b.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value).append('\n');
    }
  }
}
