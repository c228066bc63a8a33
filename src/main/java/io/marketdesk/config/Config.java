package io.marketdesk.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The validated configuration. Built from the bundled defaults ({@code config/marketdesk.properties}),
 * an optional file given with {@code --config}, and the environment ({@code MARKETDESK_*}), in that
 * order of precedence. Every bad key is reported at once by {@link ConfigException}. Immutable.
 */
public final class Config {
  public static final String DEFAULTS_RESOURCE = "config/marketdesk.properties";

  private final Map<String, String> values;
  /** Problems worth a warning at start that do not stop it (a misspelt MARKETDESK_* variable). */
  public final List<String> warnings;

  // typed values, checked in the constructor
  public final String mailAddress;
  public final String mailFromName;
  public final boolean embeddedMail;
  public final int embeddedSmtpPort;
  public final int embeddedImapPort;
  public final MailUrl imapUrl;
  public final MailUrl smtpUrl;
  public final String smtpEhloName;
  public final String processedFolder;
  public final boolean idle;
  public final Duration pollInterval;
  /** With IDLE, how often a NOOP asks the server for news besides IDLE (docs/DEPLOY.md). */
  public final Duration idleCheck;
  public final Duration reconnectMax;
  public final int batchSize;
  /** The trust anchors of the mail connections (mail.trust-store, else the JDK's). */
  public final MailTls mailTls;
  public final String dbUrl;
  public final String dbUser;
  public final String dbPassword;
  public final int dbPoolSize;
  public final String webHost;
  public final int webPort;
  public final String webBaseUrl;
  public final String apiToken;
  public final boolean demoData;
  public final String authservId;
  public final Unauthenticated unauthenticated;
  public final boolean unregisteredReplyNever;
  public final int repliesPerHour;
  /** The most state-changing commands one provider or buyer address may run in an hour. */
  public final int actionsPerHour;
  public final Duration tokenTtl;
  public final Duration loginTtl;
  public final long maxMessageBytes;
  public final long maxAttachmentBytes;
  public final int maxAttachments;
  public final int maxCommands;
  public final Duration retryInitial;
  public final Duration retryMax;
  public final Duration claimLease;
  public final int senderConnections;
  public final int maxAttempts;
  public final ZoneId zone;
  public final String calendarDir;
  public final String templatesDir;
  public final int digestHour;
  /** The operator address overdue reviews escalate to; empty: every operator (docs/reviews.md). */
  public final String reviewsLead;
  public final int remindAfterWorkingDays;
  public final int autoConfirmAfterDays;
  public final int startWithinDays;
  /** refunds.answer-within: working days the provider has to answer a refund request. */
  public final int refundAnswerWithinWorkingDays;

  private Config(Map<String, String> values, List<String> warnings) {
    this.values = Map.copyOf(values);
    this.warnings = List.copyOf(warnings);
    Checker r = new Checker();
    mailAddress = r.email("mail.address");
    mailFromName = r.string("mail.from-name");
    embeddedMail = r.bool("embedded.mail");
    embeddedSmtpPort = r.integer("embedded.smtp-port", 0, 65535);
    embeddedImapPort = r.integer("embedded.imap-port", 0, 65535);
    imapUrl = r.mailUrl("imap.url", List.of("imap", "imaps"), !embeddedMail);
    smtpUrl = r.mailUrl("smtp.url", List.of("smtp", "smtps"), !embeddedMail);
    String ehlo = r.string("smtp.ehlo-name");
    smtpEhloName = ehlo.isEmpty() ? mailAddress.substring(mailAddress.indexOf('@') + 1) : ehlo;
    if (!smtpEhloName.matches("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]")) {
      r.error("smtp.ehlo-name", "'" + smtpEhloName + "' is not a host name or an address literal such as [192.0.2.1]");
    }
    processedFolder = r.nonEmpty("mail.processed-folder");
    idle = r.bool("mail.idle");
    pollInterval = r.duration("mail.poll-interval");
    idleCheck = r.duration("mail.idle-check");
    reconnectMax = r.duration("mail.reconnect-max");
    batchSize = r.integer("mail.batch-size", 1, 10_000);
    mailTls = r.mailTls("mail.trust-store", "mail.trust-store-password");
    dbUrl = r.nonEmpty("db.url");
    if (!dbUrl.startsWith("jdbc:sqlite:") && !dbUrl.startsWith("jdbc:postgresql:")) {
      r.error("db.url", "must be a jdbc:sqlite: or jdbc:postgresql: URL");
    }
    dbUser = r.string("db.user");
    dbPassword = r.string("db.password");
    dbPoolSize = r.integer("db.pool-size", 1, 64);
    webHost = r.nonEmpty("web.host");
    webPort = r.integer("web.port", 0, 65535);
    webBaseUrl = stripSlash(r.nonEmpty("web.base-url"));
    String demo = r.string("demo.data");
    demoData = demo.isBlank() ? embeddedMail : r.bool("demo.data");
    String token = r.string("api.token");
    apiToken = token.isBlank() && demoData ? "demo-token" : token;
    authservId = r.string("security.authserv-id");
    unauthenticated = unauthenticated(r.string("security.unauthenticated"), embeddedMail && authservId.isBlank(), r);
    String unregistered = r.string("security.unregistered-reply");
    if (!unregistered.equals("authenticated") && !unregistered.equals("never")) {
      r.error("security.unregistered-reply", "must be authenticated or never");
    }
    unregisteredReplyNever = unregistered.equals("never");
    repliesPerHour = r.string("security.replies-per-hour").isEmpty()
        ? (embeddedMail ? 200 : 20)
        : r.integer("security.replies-per-hour", 1, 100_000);
    actionsPerHour = r.string("security.actions-per-hour").isEmpty()
        ? (embeddedMail ? 200 : 20)
        : r.integer("security.actions-per-hour", 1, 100_000);
    tokenTtl = r.duration("security.token-ttl");
    loginTtl = r.duration("security.login-ttl");
    maxMessageBytes = r.integer("limits.message-bytes", 1024, Integer.MAX_VALUE);
    maxAttachmentBytes = r.integer("limits.attachment-bytes", 1024, Integer.MAX_VALUE);
    maxAttachments = r.integer("limits.attachments", 0, 1000);
    maxCommands = r.integer("limits.commands", 1, 1000);
    retryInitial = r.duration("outbox.retry-initial");
    retryMax = r.duration("outbox.retry-max");
    maxAttempts = r.integer("outbox.max-attempts", 1, 1000);
    claimLease = r.duration("outbox.claim-lease");
    senderConnections = r.integer("outbox.connections", 1, 16);
    zone = r.zone("time.zone");
    calendarDir = r.string("calendar.dir");
    templatesDir = r.string("templates.dir");
    digestHour = r.integer("reviews.digest-hour", 0, 23);
    reviewsLead = r.string("reviews.lead").isEmpty() ? "" : r.email("reviews.lead");
    remindAfterWorkingDays = r.integer("orders.remind-after", 1, 365);
    autoConfirmAfterDays = r.integer("orders.auto-confirm-after", 0, 365);
    startWithinDays = r.integer("orders.start-within", 1, 365);
    refundAnswerWithinWorkingDays = r.integer("refunds.answer-within", 1, 365);
    if (!r.errors.isEmpty()) {
      throw new ConfigException(r.errors);
    }
  }

  /** What a state-changing command does when its mail does not prove its sender (docs/security.md). */
  public enum Unauthenticated {
    /** Held; a confirmation with a token goes to the From address. */
    CONFIRM,
    /** Refused. */
    REFUSE,
    /** Run as if proven: the embedded demo on its own loopback server. */
    TRUST
  }

  /** True when this configuration is the embedded demo: its own loopback mail server, no authserv-id. */
  public boolean embeddedDemo() {
    return embeddedMail && authservId.isBlank();
  }

  private static Unauthenticated unauthenticated(String value, boolean embeddedDemo, Checker r) {
    if (value.isBlank()) {
      return embeddedDemo ? Unauthenticated.TRUST : Unauthenticated.CONFIRM;
    }
    try {
      return Unauthenticated.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      r.error("security.unauthenticated", "must be confirm, refuse or trust");
      return Unauthenticated.CONFIRM;
    }
  }

  /**
   * Loads the configuration.
   *
   * @param file a properties file read over the defaults, or null
   * @param env the environment (System.getenv() in production)
   * @param overrides keys set last of all (tests, the CLI); may be empty
   */
  public static Config load(Path file, Map<String, String> env, Map<String, String> overrides) {
    Map<String, String> values = new TreeMap<>(readDefaults());
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    if (file != null) {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        values.putAll(toMap(in));
      } catch (IOException e) {
        errors.add("--config " + file + ": cannot be read (" + e.getMessage() + ")");
      }
    }
    for (Map.Entry<String, String> e : env.entrySet()) {
      if (!e.getKey().startsWith("MARKETDESK_")) {
        continue;
      }
      String key = keyForEnv(values, e.getKey());
      if (key != null) {
        values.put(key, e.getValue());
      } else if (!NOT_KEYS.contains(e.getKey()) && !e.getKey().startsWith("MARKETDESK_TEST_")) {
        String near = nearestKey(readDefaults().keySet(), e.getKey());
        warnings.add(e.getKey() + " is set but names no configuration key, so it is ignored; did you mean "
            + envName(near) + " (" + near + ")?");
      }
    }
    values.putAll(overrides);
    for (String k : overrides.keySet()) {
      if (!readDefaults().containsKey(k)) {
        errors.add(k + ": no such configuration key");
      }
    }
    try {
      Config c = new Config(values, warnings);
      if (!errors.isEmpty()) {
        throw new ConfigException(errors);
      }
      return c;
    } catch (ConfigException e) {
      errors.addAll(e.problems());
      throw new ConfigException(errors);
    }
  }

  /** MARKETDESK_* variables that are read, but not as keys: the log level (logback.xml). */
  private static final List<String> NOT_KEYS = List.of("MARKETDESK_LOG_LEVEL", "MARKETDESK_LOG_FORMAT");

  /** The key whose environment variable is nearest to {@code env} (fewest edits). */
  static String nearestKey(Collection<String> keys, String env) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : keys) {
      int d = editDistance(envName(k), env);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Levenshtein distance: insertions, deletions and substitutions. */
  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** A configuration from the defaults and the given keys only (tests). */
  public static Config of(Map<String, String> overrides) {
    return load(null, Map.of(), overrides);
  }

  /** The environment variable of a key: {@code security.replies-per-hour} -> {@code MARKETDESK_SECURITY_REPLIES_PER_HOUR}. */
  public static String envName(String key) {
    return "MARKETDESK_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static String keyForEnv(Map<String, String> known, String env) {
    for (String k : known.keySet()) {
      if (envName(k).equals(env)) {
        return k;
      }
    }
    return null;
  }

  private static Map<String, String> readDefaults() {
    try (InputStream in = Config.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the classpath");
      }
      return toMap(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> toMap(Reader in) throws IOException {
    Properties p = new Properties();
    p.load(in);
    Map<String, String> m = new LinkedHashMap<>();
    for (String k : p.stringPropertyNames()) {
      m.put(k, p.getProperty(k).trim());
    }
    return m;
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /** The raw value of a key, "" when unset (for keys features read themselves). */
  public String raw(String key) {
    return values.getOrDefault(key, "");
  }

  /** The domain of the service address. */
  public String mailDomain() {
    return mailAddress.substring(mailAddress.indexOf('@') + 1);
  }

  /** The service address with a token: {@code market+TOKEN@domain}. */
  public String tokenAddress(String token) {
    int at = mailAddress.indexOf('@');
    return mailAddress.substring(0, at) + "+" + token + mailAddress.substring(at);
  }

  /** A mail server URL with its parts decoded. Passwords never appear in toString(). */
  public record MailUrl(String scheme, String user, String password, String host, int port, String path, boolean startTls) {
    public boolean ssl() {
      return scheme.endsWith("s");
    }

    @Override
    public String toString() {
      return scheme + "://" + (user.isEmpty() ? "" : user + ":***@") + host + ":" + port + path;
    }
  }

  private final class Checker {
    final List<String> errors = new ArrayList<>();

    void error(String key, String message) {
      errors.add(key + " (" + envName(key) + "): " + message);
    }

    String string(String key) {
      return values.getOrDefault(key, "").trim();
    }

    String nonEmpty(String key) {
      String v = string(key);
      if (v.isEmpty()) {
        error(key, "must be set");
      }
      return v;
    }

    String email(String key) {
      String v = nonEmpty(key).toLowerCase(Locale.ROOT);
      if (!v.isEmpty() && !v.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
        error(key, "'" + v + "' is not an email address");
      }
      return v;
    }

    boolean bool(String key) {
      String v = string(key).toLowerCase(Locale.ROOT);
      if (v.equals("true") || v.equals("yes") || v.equals("1")) {
        return true;
      }
      if (v.equals("false") || v.equals("no") || v.equals("0")) {
        return false;
      }
      error(key, "'" + v + "' is not true or false");
      return false;
    }

    int integer(String key, int min, int max) {
      String v = string(key);
      try {
        long n = Long.parseLong(v);
        if (n < min || n > max) {
          error(key, v + " is not between " + min + " and " + max);
          return min;
        }
        return (int) n;
      } catch (NumberFormatException e) {
        error(key, "'" + v + "' is not a whole number");
        return min;
      }
    }

    Duration duration(String key) {
      String v = string(key);
      try {
        Duration d = v.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(v)) : Duration.parse(v);
        if (d.isNegative() || d.isZero()) {
          error(key, v + " must be positive");
        }
        return d;
      } catch (RuntimeException e) {
        error(key, "'" + v + "' is not a duration such as PT30S, PT15M or P7D");
        return Duration.ofSeconds(1);
      }
    }

    ZoneId zone(String key) {
      String v = string(key);
      try {
        return ZoneId.of(v);
      } catch (RuntimeException e) {
        error(key, "'" + v + "' is not a time zone such as Asia/Shanghai");
        return ZoneId.of("UTC");
      }
    }

    MailTls mailTls(String key, String passwordKey) {
      try {
        return MailTls.of(string(key), string(passwordKey));
      } catch (IllegalArgumentException e) {
        error(key, e.getMessage());
        return MailTls.jdkDefault();
      }
    }

    MailUrl mailUrl(String key, List<String> schemes, boolean required) {
      String v = string(key);
      if (v.isEmpty()) {
        if (required) {
          error(key, "must be set when embedded.mail is false");
        }
        return null;
      }
      try {
        URI u = new URI(v);
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!schemes.contains(scheme)) {
          error(key, "the scheme must be one of " + schemes);
          return null;
        }
        if (u.getHost() == null) {
          error(key, "has no host");
          return null;
        }
        String userInfo = u.getRawUserInfo();
        String user = "";
        String password = "";
        if (userInfo != null) {
          int colon = userInfo.indexOf(':');
          user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
          password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        }
        boolean ssl = scheme.endsWith("s");
        int port = u.getPort() > 0 ? u.getPort() : defaultPort(scheme);
        String path = u.getPath() == null || u.getPath().isEmpty() ? "/INBOX" : u.getPath();
        String query = u.getQuery() == null ? "" : u.getQuery().toLowerCase(Locale.ROOT);
        boolean startTls = !ssl && query.contains("starttls=true");
        return new MailUrl(scheme, user, password, u.getHost(), port, path, startTls);
      } catch (Exception e) {
        error(key, "is not a URL such as imaps://user:password@host:993/INBOX");
        return null;
      }
    }

    private String decode(String s) {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private int defaultPort(String scheme) {
      switch (scheme) {
        case "imaps":
          return 993;
        case "imap":
          return 143;
        case "smtps":
          return 465;
        default:
          return 587;
      }
    }
  }
}
