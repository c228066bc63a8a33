package io.marketdesk.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketdesk.audit.ActedBy;
import io.marketdesk.audit.AuditLog;
import io.marketdesk.calendar.WorkingDayCalendar;
import io.marketdesk.command.CommandContext;
import io.marketdesk.text.Language;
import io.marketdesk.command.WrittenLanguages;
import io.marketdesk.identity.Directory;
import io.marketdesk.outbox.Mailer;
import io.marketdesk.template.Catalog;
import io.marketdesk.text.Message;
import io.marketdesk.token.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The one review workflow (docs/reviews.md) for every kind: a submission supersedes the open review of the
 * same subject, gets a due date in working days, and mails every operator a review mail with their
 * own single-use token; the first answer decides, later ones are told who decided. Live data changes
 * only through {@link ReviewKind#approve}. Thread-safe.
 */
public final class Reviews {
  /** The token purpose of review answers. */
  public static final String TOKEN_PURPOSE = "review";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a feature submits for review. */
  public record Submission(String kind, String subject, Long providerId, String titleZh, String titleEn,
      String payload, List<Change> changes, int workingDays, Message title) {
    public Submission {
      changes = List.copyOf(changes);
    }

    /** A submission whose title is given in Chinese and English only. */
    public Submission(String kind, String subject, Long providerId, String titleZh, String titleEn, String payload,
        List<Change> changes, int workingDays) {
      this(kind, subject, providerId, titleZh, titleEn, payload, changes, workingDays, null);
    }

    /** A submission whose title is a catalog message, worded for each reader when a mail is written. */
    public Submission(String kind, String subject, Long providerId, Message title, String payload, List<Change> changes,
        int workingDays) {
      this(kind, subject, providerId, null, null, payload, changes, workingDays, title);
    }
  }

  /**
   * Who asks for a review: the person (by the mail they wrote, or by no mail: demo data, the CLI,
   * a test), the language the result mail is written in, and the name the review mail gives them.
   */
  public record Requester(ActedBy by, Language language, String name) {
    /** The sender of a mail. */
    public static Requester of(CommandContext ctx) {
      return new Requester(ctx.actedBy(), ctx.language(), ctx.actor().name());
    }
  }

  /** One line of a review's changes, worded for one reader. */
  public record ChangeLine(String label, String before, String after, boolean context) {}

  /** The model of review mails. */
  public record MailModel(Review review, String due, String requester, String requesterName, boolean overdue,
      String note, String decidedBy, boolean approved, long replacedId, String serviceAddress, String accountId,
      String webBaseUrl, String title, List<ChangeLine> lines) {
    public MailModel {
      lines = List.copyOf(lines);
    }
  }

  private final Clock clock;
  private final WorkingDayCalendar calendar;
  private final ZoneId zone;
  private final Tokens tokens;
  private final Mailer mailer;
  private final Directory directory;
  private final Duration tokenTtl;
  private final Map<String, ReviewKind> kinds = new LinkedHashMap<>();
  private final Reviewers reviewers;
  private final AuditLog audit;

  public Reviews(Clock clock, WorkingDayCalendar calendar, ZoneId zone, Tokens tokens, Mailer mailer, Directory directory,
      Duration tokenTtl, AuditLog audit) {
    this(clock, calendar, zone, tokens, mailer, directory, tokenTtl, Reviewers.everyone(directory), audit);
  }

  Reviews(Clock clock, WorkingDayCalendar calendar, ZoneId zone, Tokens tokens, Mailer mailer, Directory directory,
      Duration tokenTtl, Reviewers reviewers, AuditLog audit) {
    this.reviewers = reviewers;
    this.audit = audit;
    this.clock = clock;
    this.calendar = calendar;
    this.zone = zone;
    this.tokens = tokens;
    this.mailer = mailer;
    this.directory = directory;
    this.tokenTtl = tokenTtl;
  }

  public Reviews register(ReviewKind kind) {
    if (kinds.putIfAbsent(kind.kind(), kind) != null) {
      throw new IllegalStateException("review kind " + kind.kind() + " registered twice");
    }
    return this;
  }

  /** The due moment of a review submitted now. */
  public Instant due(Instant submitted, int workingDays) {
    return calendar.due(submitted, workingDays, zone);
  }

  /** The due date as people read it: the last day to answer (yyyy-MM-dd, local). */
  public String dueText(long dueAt) {
    return DateTimeFormatter.ISO_LOCAL_DATE.format(Instant.ofEpochMilli(dueAt - 1).atZone(zone).toLocalDate());
  }

  /** {@link #submit(Handle, Requester, Submission)} for the sender of a mail. */
  public Review submit(CommandContext ctx, Submission s) {
    return submit(ctx.handle(), Requester.of(ctx), s);
  }

  /**
   * Opens a review in the caller's transaction and mails every operator. An open review of the same
   * kind and subject is superseded, and operators are told.
   */
  public Review submit(Handle h, Requester who, Submission s) {
    if (!kinds.containsKey(s.kind())) {
      throw new IllegalStateException("unknown review kind " + s.kind());
    }
    ActedBy by = who.by();
    Instant now = clock.instant();
    long due = due(now, s.workingDays()).toEpochMilli();
    List<Review> replaced = h.createQuery("SELECT id FROM review WHERE kind = :k AND subject = :s AND status = 'open'")
        .bind("k", s.kind()).bind("s", s.subject()).mapTo(Long.class).list()
        .stream().map(id -> find(h, id).orElseThrow()).toList();
    long id = h.createUpdate(
            "INSERT INTO review (kind, subject, provider_id, requested_by, inbound_id, lang, title_zh, title_en, title_msg,"
                + " payload, changes, status, submitted_at, due_at) VALUES (:kind, :subject, :pid, :by, :inbound, :lang, :tz,"
                + " :te, :tm, :payload, :changes, 'open', :now, :due)")
        .bind("kind", s.kind())
        .bind("subject", s.subject())
        .bind("pid", s.providerId())
        .bind("by", by.who())
        .bind("inbound", by.inboundId())
        .bind("lang", who.language().code())
        .bind("tz", s.title() == null ? s.titleZh() : mailer.catalog().text(Language.ZH.code(), s.title()))
        .bind("te", s.title() == null ? s.titleEn() : mailer.catalog().text(Language.EN.code(), s.title()))
        .bind("tm", s.title() == null ? null : MessageJson.write(s.title()))
        .bind("payload", s.payload())
        .bind("changes", toJson(s.changes()))
        .bind("now", now.toEpochMilli())
        .bind("due", due)
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
    Review review = find(h, id).orElseThrow();
    for (Review old : replaced) {
      h.createUpdate("UPDATE review SET status = 'superseded', superseded_by = :new, decided_at = :now WHERE id = :id AND status = 'open'")
          .bind("new", id).bind("now", now.toEpochMilli()).bind("id", old.id()).execute();
      audit.record(h, by.who(), by.inboundId(), "review", String.valueOf(old.id()), "superseded", "open", "superseded by " + id);
    }
    audit.record(h, by.who(), by.inboundId(), "review", String.valueOf(id), "submitted", null, s.kind() + " " + s.subject());
    for (String address : reviewers.addresses(h, now.toEpochMilli())) {
      String token = tokens.issue(h, TOKEN_PURPOSE, String.valueOf(id), address, null, tokenTtl);
      long replacedId = replaced.isEmpty() ? 0 : replaced.get(replaced.size() - 1).id();
      // each operator reads it in the language they last wrote in (docs/languages.md)
      Language lang = WrittenLanguages.of(h, address);
      mailer.send(h, lang, address, "review-request",
          model(h, review, by.who(), who.name(), null, replacedId, lang), token, by.inboundId());
    }
    return review;
  }

  private MailModel model(Handle h, Review r, String requester, String requesterName, String note, long replacedId,
      Language lang) {
    return new MailModel(r, dueText(r.dueAt()), requester, requesterName, r.overdue(clock.millis()), note == null ? "" : note,
        r.decidedBy() == null ? "" : r.decidedBy(), "approved".equals(r.status()), replacedId, mailer.config().mailAddress,
        r.providerId() == null ? "" : directory.provider(h, r.providerId()).map(p -> p.accountId()).orElse(""),
        mailer.config().webBaseUrl, title(r, lang.code()), lines(mailer.catalog(), lang.code(), r));
  }

  /** The review's title in language {@code lang}: its message worded now, or the stored zh/en title of older rows. */
  public String title(Review r, String lang) {
    if (r.title() != null) {
      return mailer.catalog().text(lang, r.title());
    }
    return lang.startsWith("zh") ? r.titleZh() : r.titleEn();
  }

  /**
   * A stored title in language {@code lang}: the {@code title_msg} column worded now, or, in rows
   * older than it, the Chinese or English title (for pages that read the review table's rows).
   */
  public static String title(Catalog catalog, String lang, String titleMsg, String titleZh,
      String titleEn) {
    if (titleMsg != null) {
      return catalog.text(lang, MessageJson.read(titleMsg));
    }
    return lang.startsWith("zh") ? titleZh : titleEn;
  }

  /** A change's label in language {@code lang}. */
  static String label(Catalog catalog, String lang, Change c) {
    if (c.labelKey() != null && catalog.has(lang, c.labelKey())) {
      return catalog.text(lang, c.labelKey());
    }
    return lang.startsWith("zh") ? c.labelZh() : c.labelEn();
  }

  /** The review's changes worded for one reader: labels in {@code lang}, values as that reader reads them. */
  public static List<ChangeLine> lines(Catalog catalog, String lang, Review r) {
    return lines(catalog, lang, r.changes());
  }

  /** Changes worded for one reader (labels in {@code lang}, values as that reader reads them). */
  public static List<ChangeLine> lines(Catalog catalog, String lang, List<Change> changes) {
    boolean zh = lang.startsWith("zh");
    List<ChangeLine> out = new ArrayList<>();
    for (Change c : changes) {
      String before = c.beforeWords() != null ? catalog.text(lang, MessageJson.read(c.beforeWords()))
          : zh ? c.before() : c.beforeInEnglish();
      String after = c.afterWords() != null ? catalog.text(lang, MessageJson.read(c.afterWords()))
          : zh ? c.after() : c.afterInEnglish();
      out.add(new ChangeLine(label(catalog, lang, c), before == null ? "" : before, after == null ? "" : after, c.context()));
    }
    return out;
  }

  /** What a decision or an asker's withdrawal came to; the command words the reply ({@link DecisionReplies}). */
  public sealed interface Result permits Decided, Closed, NotFound, OwnRequest, Withdrawn {}

  /**
   * Decided now. {@code review} is the review as it was asked (its title, its asker); {@code effect}
   * is the kind's note when the approval could not take effect as asked (or what it did), or null.
   */
  public record Decided(Review review, boolean approved, Message effect) implements Result {}

  /** Decided, withdrawn or superseded before: {@code review} as it stands, with who closed it and when. */
  public record Closed(Review review) implements Result {}

  /** No review has that number. */
  public record NotFound(long id) implements Result {}

  /** The one who asked for the review may not decide it. */
  public record OwnRequest(long id) implements Result {}

  /** Withdrawn by its asker now. */
  public record Withdrawn(Review review) implements Result {}

  /**
   * Decides an open review: the first answer wins. A later answer, or one for a superseded review,
   * gets {@link Closed} with who decided and when. The kind applies the decision, the audit log
   * records it and the asker is mailed the result (unless the kind mails it), all in {@code h}'s
   * transaction.
   *
   * @param by the operator deciding (a person by mail, or the demo loader as the demo operator)
   * @param note the comment (approve, optional) or the reason (reject, required by the caller)
   */
  public Result decide(Handle h, ActedBy by, long reviewId, boolean approve, String note) {
    Optional<Review> found = find(h, reviewId);
    if (found.isEmpty()) {
      return new NotFound(reviewId);
    }
    Review r = found.get();
    if (!r.open()) {
      return new Closed(r);
    }
    if (r.requestedBy().equalsIgnoreCase(by.who())) {
      return new OwnRequest(reviewId);
    }
    Instant now = clock.instant();
    int n = h.createUpdate("UPDATE review SET status = :st, decided_at = :now, decided_by = :by, decision_note = :note"
            + " WHERE id = :id AND status = 'open'")
        .bind("st", approve ? "approved" : "rejected")
        .bind("now", now.toEpochMilli())
        .bind("by", by.who())
        .bind("note", note == null ? "" : note)
        .bind("id", reviewId)
        .execute();
    if (n == 0) {
      return new Closed(find(h, reviewId).orElseThrow());
    }
    Review decided = find(h, reviewId).orElseThrow();
    ReviewKind kind = kinds.get(r.kind());
    Message effectNote = null;
    Decision d = new Decision(h, by, now);
    if (approve) {
      effectNote = kind.approve(d, decided);
    } else {
      kind.reject(d, decided);
    }
    audit.record(h, by, "review", String.valueOf(reviewId), approve ? "approved" : "rejected", "open",
        (approve ? "approved" : "rejected") + (note == null || note.isBlank() ? "" : ": " + note));
    Language askerLang = Language.of(langOf(h, reviewId));
    String greeting = r.providerId() == null ? r.requestedBy()
        : directory.provider(h, r.providerId()).map(p -> p.companyName()).orElse(r.requestedBy());
    String result = "appeal".equals(r.kind()) ? "appeal-result" : "review-result";
    if (!kind.mailsItsOwnResult()) {
    // the result answers the mail that asked, so that it shows in that thread
    String request = h.createQuery("SELECT i.message_id FROM review r JOIN inbound_mail i ON i.id = r.inbound_id"
            + " WHERE r.id = :id").bind("id", reviewId).mapTo(String.class).findFirst().orElse(null);
    mailer.sendInThread(h, askerLang, r.requestedBy(), result, model(h, decided, r.requestedBy(), greeting,
            effectNote == null ? null : mailer.catalog().text(askerLang.code(), effectNote), 0, askerLang),
        request, by.inboundId());
    }
    return new Decided(r, approve, effectNote);
  }

  /**
   * Withdraws an open review for its asker (a delisted product's revision...): it is no longer
   * decided by anyone, and a numbered list shows it as withdrawn. False when it was not open.
   */
  public boolean withdraw(Handle h, long reviewId, String by) {
    return h.createUpdate("UPDATE review SET status = 'withdrawn', decided_at = :now, decided_by = :by"
            + " WHERE id = :id AND status = 'open'")
        .bind("now", clock.millis()).bind("by", by).bind("id", reviewId).execute() == 1;
  }

  /**
   * Withdrawn by the one who asked (docs/undo.md): nobody decides it any more, the live data stays as
   * it is (the kind's rejection drops a product's pending version), and every operator who gets review
   * mails is mailed {@code template}, each in the language they last wrote in, with the model made
   * for that language. {@link Closed} when it was no longer open.
   */
  public Result withdrawByAsker(Handle h, ActedBy by, Review r, String template, Function<Language, Object> model) {
    if (!withdraw(h, r.id(), by.who())) {
      return new Closed(find(h, r.id()).orElseThrow());
    }
    ReviewKind kind = kinds.get(r.kind());
    if (kind != null) {
      kind.reject(new Decision(h, by, clock.instant()), r);
    }
    audit.record(h, by, "review", String.valueOf(r.id()), "withdrawn", "open", "withdrawn");
    for (String address : reviewers.addresses(h, clock.millis())) {
      // each operator reads it in the language they last wrote in (docs/languages.md)
      Language lang = WrittenLanguages.of(h, address);
      mailer.send(h, lang, address, template, model.apply(lang), null, by.inboundId());
    }
    return new Withdrawn(r);
  }

  private static String langOf(Handle h, long id) {
    return h.createQuery("SELECT lang FROM review WHERE id = :id").bind("id", id).mapTo(String.class).one();
  }

  public Optional<Review> find(Handle h, long id) {
    return h.createQuery("SELECT id, kind, subject, provider_id, requested_by, title_zh, title_en, payload, changes, status,"
            + " submitted_at, due_at, decided_at, decided_by, decision_note, title_msg FROM review WHERE id = :id")
        .bind("id", id)
        .map((rs, c) -> new Review(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getObject(4) == null ? null : rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getString(8), fromJson(rs.getString(9)), rs.getString(10), rs.getLong(11), rs.getLong(12),
            rs.getObject(13) == null ? null : rs.getLong(13), rs.getString(14), rs.getString(15),
            rs.getString(16) == null ? null : MessageJson.read(rs.getString(16))))
        .findFirst();
  }

  /** Open reviews, overdue first (earliest due first). */
  public List<Review> openReviews(Handle h) {
    List<Review> out = new ArrayList<>();
    for (long id : h.createQuery("SELECT id FROM review WHERE status = 'open' ORDER BY due_at, id").mapTo(Long.class).list()) {
      find(h, id).ifPresent(out::add);
    }
    return out;
  }

  /** The open review of a subject, if any. */
  public Optional<Review> openFor(Handle h, String kind, String subject) {
    return h.createQuery("SELECT id FROM review WHERE kind = :k AND subject = :s AND status = 'open' ORDER BY id DESC")
        .bind("k", kind).bind("s", subject).mapTo(Long.class).findFirst().flatMap(id -> find(h, id));
  }

  /** Reviews by status ("open", "approved"...; null for all), newest first. */
  public List<Review> list(Handle h, String status, Long providerId) {
    StringBuilder sql = new StringBuilder("SELECT id FROM review WHERE 1 = 1");
    if (status != null) {
      sql.append(" AND status = :st");
    }
    if (providerId != null) {
      sql.append(" AND provider_id = :pid");
    }
    sql.append(" ORDER BY id DESC");
    var q = h.createQuery(sql.toString());
    if (status != null) {
      q.bind("st", status);
    }
    if (providerId != null) {
      q.bind("pid", providerId);
    }
    List<Review> out = new ArrayList<>();
    for (long id : q.mapTo(Long.class).list()) {
      find(h, id).ifPresent(out::add);
    }
    return out;
  }

  /** When each open review is due (epoch millis), in no order: the status page's chart. */
  public List<Long> openDueTimes(Handle h) {
    return h.createQuery("SELECT due_at FROM review WHERE status = 'open'").mapTo(Long.class).list();
  }

  /** The IDs of every review of a provider, whatever its state. */
  public List<Long> idsOf(Handle h, long providerId) {
    return h.createQuery("SELECT id FROM review WHERE provider_id = :pid").bind("pid", providerId).mapTo(Long.class).list();
  }

  /** How many reviews are open, and how many of them are overdue at {@code now}. */
  public Counts counts(Handle h, long now) {
    long open = h.createQuery("SELECT COUNT(*) FROM review WHERE status = 'open'").mapTo(Long.class).one();
    long overdue = h.createQuery("SELECT COUNT(*) FROM review WHERE status = 'open' AND due_at <= :now")
        .bind("now", now).mapTo(Long.class).one();
    return new Counts(open, overdue);
  }

  /** Open and overdue review counts (no personal data: the status page shows them). */
  public record Counts(long open, long overdue) {}

  /** How many open reviews were escalated to the lead as overdue. */
  public long escalatedCount(Handle h) {
    return h.createQuery("SELECT COUNT(*) FROM review WHERE status = 'open' AND escalated_at IS NOT NULL")
        .mapTo(Long.class).one();
  }

  /** True when the review was ever escalated as overdue. */
  public boolean escalated(Handle h, long id) {
    return h.createQuery("SELECT escalated_at FROM review WHERE id = :id").bind("id", id)
        .mapTo(Long.class).findOne().isPresent();
  }

  Tokens tokens() {
    return tokens;
  }

  Duration tokenTtl() {
    return tokenTtl;
  }

  Reviewers reviewers() {
    return reviewers;
  }

  /** A mail model for another mail about a review (reminders, escalations). */
  MailModel mailModel(Handle h, Review r, Language lang) {
    return model(h, r, r.requestedBy(), r.requestedBy(), null, 0, lang);
  }

  public Clock clock() {
    return clock;
  }

  public ZoneId zone() {
    return zone;
  }

  static String toJson(List<Change> changes) {
    try {
      return JSON.writeValueAsString(changes);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Change> fromJson(String s) {
    try {
      return JSON.readValue(s, new TypeReference<List<Change>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
