package io.marketdesk.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MailReaderTest {
  private static final Charset GBK = Charset.forName("GBK");
  private final MailReader reader = new MailReader(MailReader.Limits.defaults());

  private static byte[] bytes(String s) {
    return s.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private ParsedMail read(byte[] raw) throws MailFormatException {
    return reader.read(new ByteArrayInputStream(raw));
  }

  private ParsedMail read(String raw) throws MailFormatException {
    return read(bytes(raw));
  }

  private static String b64(String text, Charset cs) {
    return Base64.getEncoder().encodeToString(text.getBytes(cs));
  }

  @Test
  void shouldListTheThreadNearestFirstWhenAMailAnswersAnother() throws Exception {
    ParsedMail mail = read("From: a@provider-a.test\nTo: market@marketdesk.test\nSubject: Re: x\n"
        + "In-Reply-To: <c@marketdesk.test>\nReferences: <a@marketdesk.test> <b@marketdesk.test> <c@marketdesk.test>\n"
        + "\n帮助\n");
    assertThat(mail.thread()).containsExactly("c@marketdesk.test", "c@marketdesk.test", "b@marketdesk.test",
        "a@marketdesk.test");
    ParsedMail fresh = read("From: a@provider-a.test\nTo: market@marketdesk.test\nSubject: x\n\n帮助\n");
    assertThat(fresh.thread()).isEmpty();
  }

  @Test
  void shouldReadGbkBytesLabelledGb2312AsGb18030() throws Exception {
    byte[] raw =
        concat(
            bytes("From: a@b.test\nSubject: x\nContent-Type: text/plain; charset=gb2312\n"
                + "Content-Transfer-Encoding: 8bit\n\n"),
            "联系人: 王堃 镕\n".getBytes(GBK));

    assertThat(read(raw).text()).isEqualTo("联系人: 王堃 镕\n");
  }

  @Test
  void shouldReadBig5AndEveryJdkCharset() throws Exception {
    for (String charset : new String[] {"big5", "Big5", "euc-kr", "shift_jis", "koi8-r", "windows-1251"}) {
      String text = charset.equalsIgnoreCase("big5") ? "查詢訂單" : charset.equals("shift_jis") ? "注文" : charset.equals("euc-kr") ? "주문" : "Заказ";
      byte[] raw =
          concat(
              bytes("From: a@b.test\nContent-Type: text/plain; charset=\"" + charset + "\"\n\n"),
              text.getBytes(TextCharsets.lookup(charset)));
      assertThat(read(raw).text()).as(charset).isEqualTo(text);
    }
  }

  @Test
  void shouldFallBackWhenCharsetIsUnknownOrMissing() throws Exception {
    byte[] utf8 =
        concat(bytes("From: a@b.test\nContent-Type: text/plain; charset=x-nonsense\n\n"),
            "帮助".getBytes(StandardCharsets.UTF_8));
    byte[] gbk = concat(bytes("From: a@b.test\nContent-Type: text/plain\n\n"), "商品列表".getBytes(GBK));
    byte[] latin =
        concat(bytes("From: a@b.test\nContent-Type: text/plain; charset=\"\"\n\n"),
            "café olé".getBytes(StandardCharsets.ISO_8859_1));

    assertThat(read(utf8).text()).isEqualTo("帮助");
    assertThat(read(gbk).text()).isEqualTo("商品列表");
    assertThat(read(latin).text()).isEqualTo("café olé");
  }

  @Test
  void shouldDecodeRfc2047WordsIncludingGbkSplitAcrossWords() throws Exception {
    byte[] gbk = "新建商品".getBytes(GBK);
    String first = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(gbk, 3));
    String second = Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(gbk, 3, gbk.length));
    ParsedMail mail =
        read("From: =?GB2312?B?" + b64("王爱丽", GBK) + "?= <A@B.test>\n"
            + "Subject: =?GBK?B?" + first + "?=\n =?GBK?B?" + second + "?= =?utf-8?Q?=E5=B8=AE=E5=8A=A9_ok?=\n"
            + "\nbody\n");

    assertThat(mail.subject()).isEqualTo("新建商品帮助 ok");
    assertThat(mail.fromName()).isEqualTo("王爱丽");
    assertThat(mail.fromAddress()).isEqualTo("a@b.test");
  }

  @Test
  void shouldReadRaw8BitHeaders() throws Exception {
    byte[] raw =
        concat(
            "From: 王爱丽 <alice@a.test>\r\n".getBytes(StandardCharsets.UTF_8),
            "Subject: 商品列表\r\n".getBytes(GBK),
            bytes("\nhelp\n"));

    ParsedMail mail = read(raw);

    assertThat(mail.subject()).isEqualTo("商品列表");
    assertThat(mail.fromName()).isEqualTo("王爱丽");
  }

  @Test
  void shouldDecodeRfc2231FileNamesWithContinuations() throws Exception {
    ParsedMail mail =
        read("From: a@b.test\nContent-Type: multipart/mixed; boundary=XX\n\n--XX\n"
            + "Content-Type: text/plain\n\nsee attached\n--XX\n"
            + "Content-Type: application/octet-stream; name=\"=?UTF-8?B?" + b64("旧名.bin", StandardCharsets.UTF_8) + "?=\"\n"
            + "Content-Disposition: attachment; filename*0*=UTF-8''%E9%9C%80%E6%B1%82; filename*1=\"单.txt\"\n\n"
            + "abc\n--XX\nContent-Type: application/octet-stream; name=\"=?UTF-8?B?"
            + b64("旧名.bin", StandardCharsets.UTF_8) + "?=\"\n\nxyz\n--XX--\n");

    assertThat(mail.attachments()).extracting(ParsedMail.Attachment::filename)
        .containsExactly("需求单.txt", "旧名.bin");
    assertThat(mail.attachments().get(0).data()).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII));
    assertThat(mail.text()).isEqualTo("see attached");
  }

  @Test
  void shouldCountButNotKeepAnAttachmentAboveTheLimit() throws Exception {
    long size = 20L * 1024 * 1024;
    InputStream raw =
        new SequenceInputStream(
            new ByteArrayInputStream(
                bytes("From: a@b.test\nSubject: big\nContent-Type: multipart/mixed; boundary=B\n\n--B\n"
                    + "Content-Type: text/plain\n\nhelp\n--B\nContent-Type: application/zip\n"
                    + "Content-Disposition: attachment; filename=big.zip\n"
                    + "Content-Transfer-Encoding: base64\n\n")),
            new SequenceInputStream(new ZeroBase64(size), new ByteArrayInputStream(bytes("\n--B--\n"))));

    ParsedMail mail = reader.read(raw);

    ParsedMail.Attachment big = mail.attachments().get(0);
    assertThat(big.filename()).isEqualTo("big.zip");
    assertThat(big.size()).isEqualTo(size);
    assertThat(big.data()).isNull();
    assertThat(big.tooLarge()).isTrue();
    assertThat(mail.text()).isEqualTo("help");
  }

  @Test
  void shouldKeepAnAttachmentWithinTheLimit() throws Exception {
    MailReader small = new MailReader(MailReader.Limits.defaults().withMaxAttachmentBytes(4));
    ParsedMail mail =
        small.read(new ByteArrayInputStream(bytes(
            "From: a@b.test\nContent-Type: multipart/mixed; boundary=B\n\n--B\n"
                + "Content-Type: application/pdf; name=a.pdf\n\n1234\n--B\n"
                + "Content-Type: application/pdf; name=b.pdf\n\n12345\n--B--\n")));

    assertThat(mail.attachments().get(0).data()).isEqualTo("1234".getBytes(StandardCharsets.US_ASCII));
    assertThat(mail.attachments().get(0).tooLarge()).isFalse();
    assertThat(mail.attachments().get(1).data()).isNull();
    assertThat(mail.attachments().get(1).size()).isEqualTo(5);
  }

  @Test
  void shouldRefuseMoreHeadersThanTheLimit() {
    MailReader strict = new MailReader(new MailReader.Limits(5, 1000, 1000, 1000, 10));
    String raw = "From: a@b.test\n" + "X-A: 1\n".repeat(10) + "\nbody\n";

    assertThatThrownBy(() -> strict.read(new ByteArrayInputStream(bytes(raw))))
        .isInstanceOf(MailFormatException.class)
        .hasMessageContaining("unreadable mail");
  }

  @Test
  void shouldRefuseAHeaderLongerThanTheLimit() {
    MailReader strict = new MailReader(new MailReader.Limits(100, 1000, 200, 1000, 10));
    String raw = "From: a@b.test\nSubject: " + "x".repeat(150) + "\n " + "y".repeat(150) + "\n\nbody\n";

    assertThatThrownBy(() -> strict.read(new ByteArrayInputStream(bytes(raw))))
        .isInstanceOf(MailFormatException.class);
  }

  @Test
  void shouldRefuseMorePartsThanTheLimit() {
    MailReader strict = new MailReader(MailReader.Limits.defaults().withMaxParts(3));
    String raw = "From: a@b.test\nContent-Type: multipart/mixed; boundary=B\n\n"
        + "--B\nContent-Type: text/plain\n\nx\n".repeat(4) + "--B--\n";

    assertThatThrownBy(() -> strict.read(new ByteArrayInputStream(bytes(raw))))
        .isInstanceOf(MailFormatException.class)
        .hasMessageContaining("too many MIME parts");
  }

  @Test
  void shouldRefuseInputWithoutAnyMailHeader() {
    byte[] garbage = new byte[4096];
    new java.util.Random(42).nextBytes(garbage);

    assertThatThrownBy(() -> read(garbage)).isInstanceOf(MailFormatException.class);
    assertThatThrownBy(() -> read(new byte[0])).isInstanceOf(MailFormatException.class);
    assertThatThrownBy(() -> read("just some text\nwithout a header\n"))
        .isInstanceOf(MailFormatException.class)
        .hasMessageContaining("no mail header");
  }

  @Test
  void shouldSkipAMalformedHeaderLineAndKeepTheRest() throws Exception {
    ParsedMail mail = read("From: a@b.test\nthis line has no colon\nSubject: help\n\nbody\n");

    assertThat(mail.subject()).isEqualTo("help");
    assertThat(mail.text()).isEqualTo("body\n");
  }

  @Test
  void shouldTolerateALongBodyLine() throws Exception {
    String line = "x".repeat(200_000);

    assertThat(read("From: a@b.test\n\n" + line + "\n").text()).isEqualTo(line + "\n");
  }

  @Test
  void shouldReadAddressesIdsAndDate() throws Exception {
    ParsedMail mail =
        read("From: \"Wang, Alice\" <Alice@Provider-A.TEST>\n"
            + "To: market@marketdesk.test, =?UTF-8?B?" + b64("运营, 团队", StandardCharsets.UTF_8) + "?= <OPS@marketdesk.test>\n"
            + "Cc: undisclosed-recipients:;\nCc: Team: bob@b.test, carol@c.test;\n"
            + "Message-ID: <abc@x.test>\nIn-Reply-To: <r2@m.test>\n"
            + "References: <r1@m.test>\n <r2@m.test>\n"
            + "Date: Sat, 28 Nov 2026 10:15:00 +0800 (CST)\n\nhi\n");

    assertThat(mail.fromAddress()).isEqualTo("alice@provider-a.test");
    assertThat(mail.fromName()).isEqualTo("Wang, Alice");
    assertThat(mail.to()).containsExactly("market@marketdesk.test", "ops@marketdesk.test", "bob@b.test", "carol@c.test");
    assertThat(mail.messageId()).isEqualTo("abc@x.test");
    assertThat(mail.inReplyTo()).isEqualTo("r2@m.test");
    assertThat(mail.references()).containsExactly("r1@m.test", "r2@m.test");
    assertThat(mail.date()).isEqualTo(Instant.parse("2026-11-28T02:15:00Z"));
    assertThat(mail.headers().first("to")).contains("运营, 团队");
  }

  @Test
  void shouldGiveNullForABadDateOrMissingFrom() throws Exception {
    ParsedMail mail = read("Subject: x\nDate: next tuesday-ish\n\nhi\n");

    assertThat(mail.date()).isNull();
    assertThat(mail.fromAddress()).isNull();
    assertThat(mail.fromName()).isEmpty();
  }

  @Test
  void shouldNormaliseLineEndsBomAndNbsp() throws Exception {
    byte[] raw = concat(bytes("From: a@b.test\nContent-Type: text/plain; charset=utf-8\n\n"),
        "\uFEFFhelp\r\na\u00A0b\rc\n".getBytes(StandardCharsets.UTF_8));

    assertThat(read(raw).text()).isEqualTo("help\na b\nc\n");
  }

  @Test
  void shouldPreferPlainTextInAlternative() throws Exception {
    ParsedMail mail = read("From: a@b.test\nContent-Type: multipart/alternative; boundary=A\n\n"
        + "--A\nContent-Type: text/html\n\n<p>html</p>\n--A\nContent-Type: text/plain\n\nplain\n--A--\n");

    assertThat(mail.text()).isEqualTo("plain");
    assertThat(mail.htmlOnly()).isFalse();
  }

  @Test
  void shouldUseHtmlWhenThePlainPartIsBlank() throws Exception {
    ParsedMail mail = read("From: a@b.test\nContent-Type: multipart/alternative; boundary=A\n\n"
        + "--A\nContent-Type: text/plain\n\n \n--A\nContent-Type: text/html\n\n<p>help</p>\n--A--\n");

    assertThat(mail.text()).isEqualTo("help");
    assertThat(mail.htmlOnly()).isTrue();
  }

  @Test
  void shouldRenderHtmlBlocksBreaksAndQuoteContainers() throws Exception {
    String html = "<html><head><style>p{}</style></head><body><div>帮助&nbsp;一</div><div><br></div>"
        + "<p>line<br>two <a href='https://x.test'>link text</a></p>"
        + "<div class=\"gmail_quote\"><div class=\"gmail_attr\">On x, y wrote:</div>"
        + "<blockquote>quoted<br>商品列表</blockquote></div>"
        + "<div id=\"original-content\">qq quoted</div>"
        + "<div>after</div><hr><div id=\"divRplyFwdMsg\"><b>From:</b> x<br><b>Subject:</b> y</div>"
        + "<div>original body</div></body></html>";

    ParsedMail mail = read("From: a@b.test\nContent-Type: text/html; charset=utf-8\n\n" + html + "\n");

    assertThat(mail.text()).isEqualTo(
        "帮助 一\n\nline\ntwo link text\n> On x, y wrote:\n> > quoted\n> > 商品列表\n> qq quoted\nafter\n"
            + "> From: x\n> Subject: y\n> original body");
  }

  @Test
  void shouldReadHtmlCharsetFromMetaWhenTheHeaderHasNone() throws Exception {
    byte[] raw = concat(bytes("From: a@b.test\nContent-Type: text/html\n\n"),
        "<meta charset=\"gbk\"><div>账户信息</div>".getBytes(GBK));

    assertThat(read(raw).text()).isEqualTo("账户信息");
  }

  @Test
  void shouldReadBestEffortTextFromBrokenMime() throws Exception {
    ParsedMail mail = read("From: a@b.test\nContent-Type: multipart/mixed; boundary=Q\n\n--Q\n"
        + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
        + b64("帮助\n", StandardCharsets.UTF_8) + "%%%\n");

    assertThat(mail.text()).startsWith("帮助");
  }

  @Test
  void shouldRecogniseADeliveryStatusReportWithAnEnclosedMessage() throws Exception {
    ParsedMail mail = read("From: postmaster@mx.test\nContent-Type: multipart/report; report-type=delivery-status; boundary=R\n\n"
        + "--R\nContent-Type: text/plain\n\nfailed\n--R\nContent-Type: message/delivery-status\n\n"
        + "Reporting-MTA: dns; mx.test\n\nFinal-Recipient: rfc822; X@Y.test\nAction: Delayed\nStatus: 4.4.1\n\n"
        + "--R\nContent-Type: message/rfc822\n\nFrom: market@m.test\nMessage-ID: <sent-1@m.test>\n\nbody\n--R--\n");

    assertThat(mail.report()).isEqualTo(
        new ParsedMail.DeliveryReport("sent-1@m.test", "x@y.test", "delayed", "4.4.1", ""));
  }

  @Test
  void shouldNotTakeAnOrdinaryForwardedMessageForABounce() throws Exception {
    ParsedMail mail = read("From: alice@a.test\nContent-Type: multipart/mixed; boundary=R\n\n"
        + "--R\nContent-Type: text/plain\n\nsee below\n--R\nContent-Type: message/rfc822\n\n"
        + "From: x@y.test\nMessage-ID: <m@y.test>\n\nhelp\n--R--\n");

    assertThat(mail.report()).isNull();
    assertThat(mail.text()).isEqualTo("see below");
  }

  /** Base64 of {@code size} zero bytes in 76-character lines, generated on the fly. */
  private static final class ZeroBase64 extends InputStream {
    private final long chars;
    private long pos;

    ZeroBase64(long size) {
      this.chars = (size + 2) / 3 * 4;
      this.padding = (int) ((3 - size % 3) % 3);
    }

    private final int padding;
    private int column;

    @Override
    public int read() {
      if (pos >= chars) {
        return -1;
      }
      if (column == 76) {
        column = 0;
        return pos == chars ? -1 : '\n';
      }
      column++;
      pos++;
      return pos > chars - padding ? '=' : 'A';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      int n = 0;
      while (n < len) {
        int c = read();
        if (c < 0) {
          return n == 0 ? -1 : n;
        }
        b[off + n++] = (byte) c;
      }
      return n;
    }
  }
}
