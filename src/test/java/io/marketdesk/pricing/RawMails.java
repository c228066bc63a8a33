package io.marketdesk.pricing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Raw .eml bytes as three common clients write them, for price-change requests sent through the
 * real pipeline: Outlook (GBK, multipart/alternative), QQ Mail (GB18030, HTML only) and Gmail
 * (UTF-8 quoted-printable, the quoted original below the reply).
 */
final class RawMails {
  private static final Charset GBK = Charset.forName("GBK");
  private static final Charset GB18030 = Charset.forName("GB18030");

  private RawMails() {}

  /** Outlook 2016 on Chinese Windows: GB2312-labelled GBK, base64 text part, QP HTML part. */
  static byte[] outlookGbk(String messageId, String from, String subject, String text) {
    String boundary = "----=_NextPart_000_0015_01DB6115.7A9C3E40";
    String html = "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta http-equiv=Content-Type"
        + " content=\"text/html; charset=gb2312\"><style><!-- p.MsoNormal {margin:0cm;} --></style></head>"
        + "<body lang=ZH-CN><div class=WordSection1>"
        + String.join("", text.lines().map(l -> "<p class=MsoNormal><span style='font-family:\"微软雅黑\"'>"
            + (l.isEmpty() ? "<o:p>&nbsp;</o:p>" : l.replace("&", "&amp;").replace("<", "&lt;")) + "</span></p>").toList())
        + "</div></body></html>";
    String head = "Received: from DESKTOP-7QK2 ([10.0.0.5]) by mail.provider-a.test with ESMTP\r\n"
        + "From: \"=?gb2312?B?" + b64(("李小帆").getBytes(GBK)) + "?=\" <" + from + ">\r\n"
        + "To: <market@marketdesk.test>\r\n"
        + "Subject: =?gb2312?B?" + b64(subject.getBytes(GBK)) + "?=\r\n"
        + "Date: Sat, 28 Nov 2026 10:02:11 +0800\r\n"
        + "Message-ID: <" + messageId + ">\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: multipart/alternative;\r\n\tboundary=\"" + boundary + "\"\r\n"
        + "X-Mailer: Microsoft Outlook 16.0\r\n"
        + "Thread-Index: AdtBEZ3mWq2yHc0kTiGz4fGmJqkLrA==\r\n"
        + "Content-Language: zh-cn\r\n"
        + "\r\n"
        + "This is a multipart message in MIME format.\r\n"
        + "\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Type: text/plain;\r\n\tcharset=\"gb2312\"\r\n"
        + "Content-Transfer-Encoding: base64\r\n"
        + "\r\n"
        + wrap(b64(crlf(text).getBytes(GBK))) + "\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Type: text/html;\r\n\tcharset=\"gb2312\"\r\n"
        + "Content-Transfer-Encoding: quoted-printable\r\n"
        + "\r\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(qp(html.getBytes(GBK)).getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(("\r\n\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  /** QQ Mail web: one text/html part in GB18030, base64, lines as divs, no text part. */
  static byte[] qqHtmlOnly(String messageId, String from, String subject, String... lines) {
    StringBuilder html = new StringBuilder("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GB18030\">");
    for (String l : lines) {
      html.append(l.isEmpty() ? "<div><br></div>" : "<div>" + l + "</div>");
    }
    html.append("<div><br></div><div><sign signid=\"0\"><div style=\"color:#909090;font-family:Arial Narrow;"
        + "font-size:12px\">------------------</div><div style=\"font-size:14px;font-family:Verdana;color:#000;\">"
        + "<div>李小帆</div><div>云帆科技有限公司</div></div></sign></div>");
    String head = "Return-Path: <" + from + ">\r\n"
        + "From: \"=?gb18030?B?" + b64("李小帆".getBytes(GB18030)) + "?=\" <" + from + ">\r\n"
        + "To: \"=?gb18030?B?" + b64("云市场".getBytes(GB18030)) + "?=\" <market@marketdesk.test>\r\n"
        + "Subject: =?gb18030?B?" + b64(subject.getBytes(GB18030)) + "?=\r\n"
        + "Mime-Version: 1.0\r\n"
        + "Content-Type: text/html;\r\n\tcharset=\"gb18030\"\r\n"
        + "Content-Transfer-Encoding: base64\r\n"
        + "Date: Sat, 28 Nov 2026 10:15:00 +0800\r\n"
        + "X-Priority: 3\r\n"
        + "Message-ID: <" + messageId + ">\r\n"
        + "X-QQ-MIME: TCMime 1.0 by Tencent\r\n"
        + "X-Mailer: QQMail 2.x\r\n"
        + "X-QQ-Mailer: QQMail 2.x\r\n"
        + "\r\n";
    return concat(head.getBytes(StandardCharsets.US_ASCII),
        (wrap(b64(html.toString().getBytes(GB18030))) + "\r\n").getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Gmail: a reply written above the quote; text/plain and text/html, UTF-8 quoted-printable; the
   * quoted original (with its own, older request) below the {@code On ... wrote:} line.
   */
  static byte[] gmailWithQuote(String messageId, String from, String subject, String reply, String quoted) {
    String boundary = "000000000000a1b2c3d4e5f60718";
    StringBuilder plain = new StringBuilder(reply).append("\n\nOn Fri, Nov 27, 2026 at 3:04 PM marketdesk <market@marketdesk.test> wrote:\n\n");
    quoted.lines().forEach(l -> plain.append("> ").append(l).append('\n'));
    String html = "<div dir=\"ltr\">" + String.join("", reply.lines().map(l -> l.isEmpty() ? "<div><br></div>" : "<div>" + l + "</div>").toList())
        + "</div><br><div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">On Fri, Nov 27, 2026 at 3:04 PM marketdesk"
        + " &lt;<a href=\"mailto:market@marketdesk.test\">market@marketdesk.test</a>&gt; wrote:<br></div>"
        + "<blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204)\">"
        + String.join("<br>", quoted.lines().toList()) + "</blockquote></div>\n";
    String head = "MIME-Version: 1.0\r\n"
        + "References: <reply-77@marketdesk.test>\r\n"
        + "In-Reply-To: <reply-77@marketdesk.test>\r\n"
        + "From: Alice Li <" + from + ">\r\n"
        + "Date: Sat, 28 Nov 2026 09:12:45 +0800\r\n"
        + "Message-ID: <" + messageId + ">\r\n"
        + "Subject: " + subject + "\r\n"
        + "To: marketdesk <market@marketdesk.test>\r\n"
        + "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n"
        + "\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Type: text/plain; charset=\"UTF-8\"\r\n"
        + "Content-Transfer-Encoding: quoted-printable\r\n"
        + "\r\n"
        + qp(crlf(plain.toString()).getBytes(StandardCharsets.UTF_8)) + "\r\n"
        + "\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Type: text/html; charset=\"UTF-8\"\r\n"
        + "Content-Transfer-Encoding: quoted-printable\r\n"
        + "\r\n"
        + qp(html.getBytes(StandardCharsets.UTF_8)) + "\r\n"
        + "\r\n"
        + "--" + boundary + "--\r\n";
    return head.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static String crlf(String s) {
    return s.replace("\r\n", "\n").replace("\n", "\r\n");
  }

  private static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  private static String wrap(String b64) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < b64.length(); i += 76) {
      sb.append(b64, i, Math.min(b64.length(), i + 76)).append("\r\n");
    }
    return sb.toString().stripTrailing();
  }

  /** Quoted-printable (RFC 2045): hard line breaks kept as CRLF, soft breaks before 76 columns. */
  static String qp(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    int col = 0;
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      if (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
        out.append("\r\n");
        col = 0;
        i++;
        continue;
      }
      boolean lineEnd = i + 1 == bytes.length || bytes[i + 1] == '\r';
      String enc = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !lineEnd)
          ? String.valueOf((char) b) : String.format("=%02X", b);
      if (col + enc.length() > 75) {
        out.append("=\r\n");
        col = 0;
      }
      out.append(enc);
      col += enc.length();
    }
    return out.toString();
  }
}
