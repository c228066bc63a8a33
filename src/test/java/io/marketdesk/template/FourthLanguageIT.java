package io.marketdesk.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketdesk.feature.DemoData;
import io.marketdesk.testing.MailClient.Mail;
import io.marketdesk.testing.TestApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A fourth language added by files alone (docs/languages.md "Adding a fourth language"): a test-only
 * French ({@code fr}) is made on a temporary template path from the English files — its message
 * files, mail and help folders and a line in {@code messages/languages.txt} — and the app, with no
 * change to its code, answers a mail written with a French keyword in French and shows its pages in
 * French for {@code ?lang=fr} and for a French browser.
 */
class FourthLanguageIT {
  static final String SERVICE = "market@marketdesk.test";
  static final Path TEMPLATES = Path.of("templates");
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static TestApp t;

  @BeforeAll
  static void start() throws IOException {
    Path dir = Files.createTempDirectory("templates-fr");
    Path messages = Files.createDirectories(dir.resolve("messages"));
    Files.writeString(messages.resolve("languages.txt"),
        Files.readString(TEMPLATES.resolve("messages/languages.txt")) + "fr | Français | fr | latin\n");
    // the words: English made French where the test looks (a keyword, the greeting, the page)
    String en = Files.readString(TEMPLATES.resolve("messages/en.properties"));
    Files.writeString(messages.resolve("fr.properties"), en
        .replaceFirst("(?m)^keyword\\.help = .*$", "keyword.help = aide")
        .replaceFirst("(?m)^page\\.layout\\.1 = .*$", "page.layout.1 = fr")
        .replaceFirst("(?m)^page\\.layout\\.2 = .*$", "page.layout.2 = le back-office de la place de marché, par e-mail"));
    for (String part : new Templates(null).catalog().parts()) {
      Files.copy(TEMPLATES.resolve("messages/" + part + ".en.properties"), messages.resolve(part + ".fr.properties"));
    }
    copy(TEMPLATES.resolve("mail/en"), dir.resolve("mail/fr"));
    copy(TEMPLATES.resolve("help/en"), dir.resolve("help/fr"));
    Path reply = dir.resolve("mail/fr/reply.ftl");
    Files.writeString(reply, Files.readString(reply).replace("Hello ${name},", "Bonjour ${name},"));
    t = TestApp.start(Map.of("templates.dir", dir.toString()));
  }

  @AfterAll
  static void stop() {
    if (t != null) {
      t.close();
    }
  }

  static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      files.forEach(f -> {
        try {
          Files.writeString(to.resolve(f.getFileName().toString()),
              Files.readString(f).replace("msg(\"en\"", "msg(\"fr\""), StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  static HttpResponse<String> page(String path, String acceptLanguage) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.baseUrl() + path));
    if (acceptLanguage != null) {
      b.header("Accept-Language", acceptLanguage);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void shouldAnswerAMailWrittenInTheFourthLanguageInIt() {
    Mail fr = t.mail.awaitReplyTo(DemoData.ALICE, t.mail.send(DemoData.ALICE, SERVICE, "x", "aide\n"));
    assertThat(fr.body()).startsWith("Bonjour ").contains("[1] aide").contains(DemoData.ALICE_ACCOUNT);
    Mail en = t.mail.awaitReplyTo(DemoData.ALICE, t.mail.send(DemoData.ALICE, SERVICE, "x", "help\n"));
    assertThat(en.body()).startsWith("Hello ").doesNotContain("Bonjour");
    Mail zh = t.mail.awaitReplyTo(DemoData.ALICE, t.mail.send(DemoData.ALICE, SERVICE, "x", "帮助\n"));
    assertThat(zh.body()).doesNotContain("Bonjour").doesNotContain("Hello");
  }

  @Test
  void shouldShowThePagesInTheFourthLanguage() throws Exception {
    String byQuery = page("/?lang=fr", null).body();
    assertThat(byQuery).contains("<html lang=\"fr\">").contains("le back-office de la place de marché")
        .contains("href=\"?lang=fr\">Français</a>").contains("href=\"?lang=zh-Hant\">繁體中文</a>");
    assertThat(page("/", "fr-FR,fr;q=0.9,en;q=0.5").body()).contains("<html lang=\"fr\">");
    assertThat(page("/", "de-DE,de;q=0.9").body()).contains("<html lang=\"en\">");
    assertThat(page("/", "zh-TW").body()).contains("<html lang=\"zh-Hant\">");
    assertThat(page("/", null).body()).contains("<html lang=\"" + new Templates(null).catalog().text("zh", "page.layout.1")
        + "\">");
  }

  @Test
  void shouldListTheFourthLanguageFromItsLineAlone() {
    List<String> codes = t.app.core().shared().templates().catalog().languageCodes();
    assertThat(codes).containsExactly("zh", "zh-Hant", "en", "fr");
  }
}
