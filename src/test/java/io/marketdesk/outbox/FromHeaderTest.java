package io.marketdesk.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The From display name reads back as written, in Jakarta Mail and in Python's email parser (whose
 * phrase parser shows a space between two encoded-words: "marketdes k" when a word is split).
 */
class FromHeaderTest {
  private static final String ADDRESS = "market@marketdesk.test";

  @ParameterizedTest
  @ValueSource(strings = {
      "marketdesk 云市场",
      "marketdesk 云市场服务商后台",
      "云市场 marketdesk 服务商后台",
      "marketdesk 雲市場 (測試)",
      "marketdesk",
      "Market Desk, Inc.",
      "marketdesk 云市场服务商后台云市场服务商后台云市场服务商后台云市场服务商后台",
      "Zoë's marketdesk 云市场"})
  void shouldReadBackTheDisplayNameAsWritten(String name) throws Exception {
    String value = FromHeader.value(name, ADDRESS);
    String folded = MimeUtility.fold(6, value);
    InternetAddress parsed = InternetAddress.parseHeader(MimeUtility.unfold(folded), true)[0];
    assertThat(parsed.getPersonal()).isEqualTo(name);
    assertThat(parsed.getAddress()).isEqualTo(ADDRESS);
    assertThat(python("From: " + folded + "\r\nTo: x@y.test\r\nSubject: s\r\n\r\nbody\r\n")).isEqualTo(name + "\n" + ADDRESS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"marketdesk 云市场", "marketdesk 云市场服务商后台"})
  void shouldKeepAsciiWordsWholeOutsideTheEncodedWords(String name) {
    assertThat(FromHeader.value(name, ADDRESS)).startsWith("marketdesk =?UTF-8?B?").doesNotContain("?= =?");
  }

  /** The display name and address as Python's email package (policy.default) reads them. */
  private static String python(String mail) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("python3", "-c",
        "import sys, email, email.policy\n"
            + "m = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)\n"
            + "a = m['From'].addresses[0]\n"
            + "sys.stdout.buffer.write((a.display_name + '\\n' + a.addr_spec).encode('utf-8'))\n");
    pb.redirectErrorStream(true);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      // CI installs python3; elsewhere the Jakarta Mail half still runs
      Assumptions.assumeFalse(System.getenv("CI") == null, "python3 is not installed");
      throw e;
    }
    p.getOutputStream().write(mail.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
