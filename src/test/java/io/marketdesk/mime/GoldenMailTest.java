package io.marketdesk.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads every {@code NAME.eml} under {@code mail/golden} and compares the subject, sender,
 * attachments, report and live lines with {@code NAME.expected.txt} (format in the folder's README).
 * A sample with {@code NAME.answered.txt} is read as a reply to that mail of ours.
 * Run with {@code -Dgolden.update=true} to rewrite the expected files from the current output;
 * review the diff before committing it.
 */
class GoldenMailTest {
  private static final Path SOURCE_DIR = Path.of("src", "test", "resources", "mail", "golden");
  private final MailReader reader = new MailReader(MailReader.Limits.defaults());
  private final ReplyText replyText = new ReplyText();

  static Stream<String> samples() throws IOException, URISyntaxException {
    Path dir = Path.of(GoldenMailTest.class.getResource("/mail/golden").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".eml"))
              .map(n -> n.substring(0, n.length() - 4))
              .sorted()
              .collect(Collectors.toList());
      return names.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void shouldReadGoldenMailAsExpected(String name) throws Exception {
    ParsedMail mail;
    try (InputStream in = GoldenMailTest.class.getResourceAsStream("/mail/golden/" + name + ".eml")) {
      mail = reader.read(in);
    }
    String answered = null;
    try (InputStream in = GoldenMailTest.class.getResourceAsStream("/mail/golden/" + name + ".answered.txt")) {
      if (in != null) {
        answered = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    String actual = render(mail, replyText.read(mail.text(), answered).live());
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(SOURCE_DIR.resolve(name + ".expected.txt"), actual, StandardCharsets.UTF_8);
    }
    String expected;
    try (InputStream in =
        GoldenMailTest.class.getResourceAsStream("/mail/golden/" + name + ".expected.txt")) {
      assertThat(in).as("expected file for " + name).isNotNull();
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
    assertThat(actual).isEqualTo(expected);
  }

  static String render(ParsedMail mail, List<String> live) {
    StringBuilder sb = new StringBuilder();
    sb.append("subject: ").append(mail.subject()).append('\n');
    sb.append("from: ").append(mail.fromAddress()).append('\n');
    if (!mail.fromName().isEmpty()) {
      sb.append("from-name: ").append(mail.fromName()).append('\n');
    }
    if (mail.htmlOnly()) {
      sb.append("html-only: true\n");
    }
    for (ParsedMail.Attachment a : mail.attachments()) {
      sb.append("attachment: ")
          .append(a.filename())
          .append(" | ")
          .append(a.contentType())
          .append(" | ")
          .append(a.size())
          .append(" bytes\n");
    }
    ParsedMail.DeliveryReport r = mail.report();
    if (r != null) {
      sb.append("report: original=")
          .append(r.originalMessageId())
          .append(" recipient=")
          .append(r.recipient())
          .append(" action=")
          .append(r.action())
          .append(" status=")
          .append(r.status())
          .append('\n');
      if (!r.diagnostic().isEmpty()) {
        sb.append("diagnostic: ").append(r.diagnostic()).append('\n');
      }
    }
    sb.append("live:\n");
    for (String line : live) {
      sb.append(line).append('\n');
    }
    return sb.toString();
  }
}
