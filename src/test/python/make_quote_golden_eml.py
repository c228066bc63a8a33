#!/usr/bin/env python3
"""Writes the quote-*.eml golden mails: replies whose quoted part holds a command that must not run.

Run from the repository root: python3 src/test/python/make_quote_golden_eml.py
Each sample is written by hand from the documented reply format of one client in one language (the
shapes listed in issue 20); the sender's own text is always the one line "订单列表" and the quoted
original always holds "确认完成 20261128000123" (a state-changing command), so every expected file
has the live line 订单列表 and nothing else. The expected files are checked by GoldenMailTest; a
sample with NAME.answered.txt beside it is read as a reply to that mail of ours.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from make_golden_eml import CRLF, MD, OUT, THREAD, headers, qp, write  # noqa: E402

LIVE = "订单列表"
CMD = "确认完成 20261128000123"
ORIGINAL = ("Alice Wang，您好：\n\n订单 20261128000123 已标记完成，请确认。\n" + CMD + "\n\n--\nmarketdesk\n")
ALICE = "Alice Wang <alice@provider-a.test>"
BOB = "Bob Buyer <bob@buyer.test>"


def plain(name, text, frm=BOB, subject="Re: order 20261128000123", extra=(), charset="UTF-8"):
    head = headers(frm, subject, name + "@client.test", list(THREAD) + list(extra))
    body = ("Content-Type: text/plain; charset=\"%s\"" % charset + CRLF
            + "Content-Transfer-Encoding: quoted-printable" + CRLF + CRLF + qp(text, charset))
    write("quote-" + name, head + body)


def html(name, markup, text=None, frm=BOB, subject="Re: order 20261128000123"):
    head = headers(frm, subject, name + "@client.test", list(THREAD))
    parts = []
    if text is not None:
        parts.append("Content-Type: text/plain; charset=\"UTF-8\"" + CRLF
                     + "Content-Transfer-Encoding: quoted-printable" + CRLF + CRLF + qp(text, "UTF-8"))
    parts.append("Content-Type: text/html; charset=\"UTF-8\"" + CRLF
                 + "Content-Transfer-Encoding: quoted-printable" + CRLF + CRLF + qp(markup, "UTF-8"))
    b = "=_quote_golden_" + name
    body = ("Content-Type: multipart/alternative; boundary=\"%s\"" % b + CRLF + CRLF
            + "".join("--" + b + CRLF + p + CRLF for p in parts) + "--" + b + "--" + CRLF)
    write("quote-" + name, head + body)


def quoted(block, indent=""):
    return "".join(indent + l + "\n" if l else "\n" for l in (block + "\n" + ORIGINAL).split("\n"))


# Localised header blocks without ">" (Outlook desktop and web, Yahoo, webmails).
HEADER_BLOCKS = {
    "fr-outlook-header": "De : MarketDesk <market@marketdesk.test>\nEnvoyé le : samedi 28 novembre 2026 10:00\n"
                         "À : Bob Buyer <bob@buyer.test>\nObjet : Commande 20261128000123",
    "nl-outlook-header": "Van: MarketDesk <market@marketdesk.test>\nVerzonden: zaterdag 28 november 2026 10:00\n"
                         "Aan: Bob Buyer <bob@buyer.test>\nOnderwerp: Bestelling 20261128000123",
    "it-outlook-header": "Da: MarketDesk <market@marketdesk.test>\nInviato: sabato 28 novembre 2026 10:00\n"
                         "A: Bob Buyer <bob@buyer.test>\nOggetto: Ordine 20261128000123",
    "de-outlook-header": "Von: MarketDesk <market@marketdesk.test>\nGesendet: Samstag, 28. November 2026 10:00\n"
                         "An: Bob Buyer <bob@buyer.test>\nBetreff: Bestellung 20261128000123",
    "sv-outlook-header": "Från: MarketDesk <market@marketdesk.test>\nSkickat: den 28 november 2026 10:00\n"
                         "Till: Bob Buyer <bob@buyer.test>\nÄmne: Beställning 20261128000123",
    "da-header": "Fra: MarketDesk <market@marketdesk.test>\nDato: 28. november 2026 kl. 10.00\n"
                 "Til: Bob Buyer <bob@buyer.test>\nEmne: Ordre 20261128000123",
    "es-outlook-header": "De: MarketDesk <market@marketdesk.test>\nEnviado: sábado, 28 de noviembre de 2026 10:00\n"
                         "Para: Bob Buyer <bob@buyer.test>\nAsunto: Pedido 20261128000123",
    "ru-outlook-header-no-subject": "От: MarketDesk <market@marketdesk.test>\nОтправлено: 28 ноября 2026 г. 10:00\n"
                                    "Кому: Bob Buyer <bob@buyer.test>",
    "ja-outlook-header": "差出人: MarketDesk <market@marketdesk.test>\n送信日時: 2026年11月28日 10:00\n"
                         "宛先: Bob Buyer <bob@buyer.test>\n件名: 注文 20261128000123",
    "ko-outlook-header": "보낸 사람: MarketDesk <market@marketdesk.test>\n보낸 날짜: 2026년 11월 28일 토요일 오전 10:00\n"
                         "받는 사람: Bob Buyer <bob@buyer.test>\n제목: 주문 20261128000123",
    "zh-hant-outlook-header": "寄件者: MarketDesk <market@marketdesk.test>\n寄件日期: 2026年11月28日 上午 10:00\n"
                              "收件者: Bob Buyer <bob@buyer.test>\n主旨: 訂單 20261128000123",
    "zh-hans-foxmail-header": "发件人：MarketDesk <market@marketdesk.test>\n发送时间：2026年11月28日(星期六) 10:00\n"
                              "收件人：Bob Buyer <bob@buyer.test>\n主题：订单 20261128000123",
    "pl-outlook-header": "Od: MarketDesk <market@marketdesk.test>\nWysłano: sobota, 28 listopada 2026 10:00\n"
                         "Do: Bob Buyer <bob@buyer.test>\nTemat: Zamówienie 20261128000123",
    "fi-outlook-header": "Lähettäjä: MarketDesk <market@marketdesk.test>\nLähetetty: lauantai 28. marraskuuta 2026 10.00\n"
                         "Vastaanottaja: Bob Buyer <bob@buyer.test>\nAihe: Tilaus 20261128000123",
    "pt-outlook-header": "De: MarketDesk <market@marketdesk.test>\nEnviada em: sábado, 28 de novembro de 2026 10:00\n"
                         "Para: Bob Buyer <bob@buyer.test>\nAssunto: Pedido 20261128000123",
    "no-outlook-header": "Fra: MarketDesk <market@marketdesk.test>\nSendt: lørdag 28. november 2026 10:00\n"
                         "Til: Bob Buyer <bob@buyer.test>\nEmne: Ordre 20261128000123",
}

# Localised and decorated separators.
SEPARATORS = {
    "de-separator": "-----Ursprüngliche Nachricht-----",
    "es-separator": "-----Mensaje original-----",
    "fr-separator": "-------- Message d'origine --------",
    "da-separator": "-------- Oprindelig besked --------",
    "en-decorated-separator": "*-------- Original Message --------*",
    "en-dashed-attribution": "---- On Wed, 24 Feb 2021 14:02:50 +0530 x@y.test wrote ----",
    "zh-hans-qq-separator": "------------------ 原始邮件 ------------------",
    "ja-separator": "-----元のメッセージ-----",
    "ko-separator": "-----원본 메시지-----",
    "ru-separator": "-------- Исходное сообщение --------",
    "sv-separator": "-------- Ursprungligt meddelande --------",
    "nl-separator": "-----Oorspronkelijk bericht-----",
    "it-separator": "-----Messaggio originale-----",
    "pl-separator": "-------- Wiadomość oryginalna --------",
}

# An attribution line and then the original without ">" (phone clients, HTML flattened to text).
ATTRIBUTIONS = {
    "en-gmail-attribution-unmarked": "On Mon, Feb 1, 2016 at 4:58 AM -0800, \"Some One\" <foo@bar.com> wrote:",
    "en-attribution-wrapped": "On Mon, Feb 1, 2016 at 4:58 AM, MarketDesk <market@marketdesk.test>\nwrote:",
    "en-attribution-no-colon": "On Mon, Feb 1, 2016 at 4:58 AM MarketDesk <market@marketdesk.test> wrote",
    "pl-attribution": "W dniu 28.11.2026 o 10:00, MarketDesk <market@marketdesk.test> napisał(a):",
    "fi-attribution": "MarketDesk <market@marketdesk.test> kirjoitti 28.11.2026 klo 10.00:",
    "fr-attribution": "Le sam. 28 nov. 2026 à 10:00, MarketDesk <market@marketdesk.test> a écrit :",
    "de-attribution": "Am 13.12.2017 21:11 schrieb MarketDesk <market@marketdesk.test>:",
    "it-attribution": "In data 28 novembre 2026 10:00:00, MarketDesk <market@marketdesk.test> ha scritto:",
    "pt-attribution": "Em sáb., 28 de nov. de 2026 às 10:00, MarketDesk <market@marketdesk.test> escreveu:",
    "da-attribution": "Den 15. jun. 2016 kl. 20.42 skrev MarketDesk <market@marketdesk.test> :",
    "date-only-attribution": "2017-11-24 16:32 GMT+01:00 MarketDesk <market@marketdesk.test>:",
    "ru-date-attribution": "ср, 30 апр. 2025 г. в 15:19, MarketDesk <market@marketdesk.test>:",
    "en-weekday-from-attribution": "Wednesday, 17 November 2021, 3:32 PM +0300 from market@marketdesk.test <market@marketdesk.test>:",
    "ja-apple-attribution": "2026/11/28 10:00、MarketDesk <market@marketdesk.test>のメール:",
    "ko-gmail-attribution": "2026년 11월 28일 (토) 오전 10:00, MarketDesk <market@marketdesk.test>님이 작성:",
    "zh-hant-apple-attribution": "於 2026年11月28日 上午10:00，MarketDesk <market@marketdesk.test> 寫道：",
    "zh-hans-gmail-attribution": "MarketDesk <market@marketdesk.test> 于2026年11月28日周六 10:00写道：",
    "es-attribution": "El sáb, 28 nov 2026 a las 10:00, MarketDesk (<market@marketdesk.test>) escribió:",
    "nl-attribution": "Op za 28 nov. 2026 om 10:00 schreef MarketDesk <market@marketdesk.test>:",
    "sv-attribution": "Den lör 28 nov. 2026 kl 10:00 skrev MarketDesk <market@marketdesk.test>:",
    "no-attribution": "Den lør. 28. nov. 2026 kl. 10:00 skrev MarketDesk <market@marketdesk.test>:",
}


def main():
    for name, block in HEADER_BLOCKS.items():
        plain(name, LIVE + "\n\n" + quoted(block + "\n"))
    plain("en-indented-header", LIVE + "\n\n" + quoted(
        "From: MarketDesk <market@marketdesk.test>\nSent: Saturday, November 28, 2026 10:00 AM\n"
        "To: Bob Buyer <bob@buyer.test>\nSubject: Order 20261128000123\n", indent="    "))
    plain("fr-yahoo-rule-header", LIVE + "\n\n" + quoted(
        "========================================\nMessage du : 28/11/2026 10:00\nDe : \"MarketDesk\" "
        "<market@marketdesk.test>\nA : bob@buyer.test\nCopie à :\nSujet : Commande 20261128000123\n"))
    for name, sep in SEPARATORS.items():
        plain(name, LIVE + "\n\n" + sep + "\n" + ORIGINAL)
    for name, attribution in ATTRIBUTIONS.items():
        plain(name, LIVE + "\n\n" + attribution + "\n\n" + ORIGINAL)
    plain("en-attribution-indented-original", LIVE + "\n\nOn Sat, Nov 28, 2026 at 10:00 AM MarketDesk "
          "<market@marketdesk.test> wrote:\n\n" + quoted("", indent="    "))
    plain("name-prefix", LIVE + "\n\nRichard> " + ORIGINAL.replace("\n", "\nRichard> ").rstrip("> Richard"))
    plain("c-prefix", LIVE + "\n\nOn Sat, Nov 28, 2026, MarketDesk wrote:\nC> " + ORIGINAL.replace("\n", "\nC> "))
    plain("bar-prefix", LIVE + "\n\n| " + ORIGINAL.replace("\n", "\n| "))
    plain("thanks-then-header", LIVE + "\n\nThanks,\nBob\n\nFrom: MarketDesk <market@marketdesk.test>\n"
          "Sent: Saturday, November 28, 2026 10:00 AM\n\n" + ORIGINAL)
    # "Our own words": no marker at all, the original pasted unmarked (a phone client's plain reply).
    plain("own-words-unmarked", LIVE + "\n\n" + ORIGINAL)
    with open(os.path.join(OUT, "quote-own-words-unmarked.answered.txt"), "w", encoding="utf-8") as f:
        f.write(ORIGINAL)
    # The same, re-wrapped in full-width characters by a client.
    plain("own-words-rewrapped", LIVE + "\n\nAlice Wang，您好：\n\n订单 20261128000123\n已标记完成，请确认。\n"
          + "确认完成　２０２６１１２８０００１２３\n")
    with open(os.path.join(OUT, "quote-own-words-rewrapped.answered.txt"), "w", encoding="utf-8") as f:
        f.write(ORIGINAL)

    original_html = "<div>Alice Wang，您好：</div><div>订单 20261128000123 已标记完成，请确认。</div><div>" + CMD + "</div>"
    html("html-hotmail-stopspelling",
         "<html><body><div>" + LIVE + "</div><hr id=\"stopSpelling\">Date: Sat, 28 Nov 2026 10:00:00 +0800<br>"
         "Subject: Order 20261128000123<br>From: market@marketdesk.test<br>To: bob@buyer.test<br><br>"
         + original_html + "</body></html>")
    html("html-thunderbird-moz-cite",
         "<html><body><p>" + LIVE + "</p><div class=\"moz-cite-prefix\">On 28/11/2026 10:00, MarketDesk wrote:<br>"
         "</div><blockquote type=\"cite\" cite=\"mid:x@marketdesk.test\">" + original_html + "</blockquote></body></html>")
    html("html-apple-cite",
         "<html><body dir=\"auto\"><div>" + LIVE + "</div><div><br><blockquote type=\"cite\">On 28 Nov 2026, at 10:00,"
         " MarketDesk &lt;market@marketdesk.test&gt; wrote:<br><br></blockquote></div><blockquote type=\"cite\">"
         + original_html + "</blockquote></body></html>")
    html("html-yahoo-quoted",
         "<html><body><div class=\"ydp1\"><div>" + LIVE + "</div></div><div id=\"yahoo_quoted_1\" class=\"yahoo_quoted\">"
         "<div>On Saturday, November 28, 2026, 10:00, MarketDesk &lt;market@marketdesk.test&gt; wrote:</div>"
         + original_html + "</div></body></html>")
    html("html-outlook-border-top",
         "<html><body><div class=\"WordSection1\"><p class=\"MsoNormal\">" + LIVE + "</p><p>&nbsp;</p><div>"
         "<div style=\"border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm\"><p class=\"MsoNormal\">"
         "<b>Von:</b> MarketDesk &lt;market@marketdesk.test&gt; <br><b>Gesendet:</b> Samstag, 28. November 2026 10:00"
         "<br><b>Betreff:</b> Bestellung</p></div></div><p class=\"MsoNormal\">&nbsp;</p>" + original_html
         + "</div></body></html>")
    # Both parts: the plain part leaves the original unmarked under an attribution in a language the
    # markers file does not list (Turkish); the HTML part's gmail_quote structure marks it.
    tr_attr = "28 Kas 2026 Cmt, 10:00 tarihinde MarketDesk şunu yazdı:"
    html("html-structure-marks-plain",
         "<div dir=\"ltr\">" + LIVE + "</div><br><div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">"
         + tr_attr.replace("<", "&lt;").replace(">", "&gt;") + "<br></div><blockquote class=\"gmail_quote\">"
         + original_html + "</blockquote></div>",
         text=LIVE + "\n\n" + tr_attr + "\n\nAlice Wang，您好：\n订单 20261128000123 已标记完成，请确认。\n" + CMD + "\n")
    html("html-gmail-quote",
         "<div dir=\"ltr\">" + LIVE + "</div><br><div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">"
         "On Sat, Nov 28, 2026 at 10:00 AM MarketDesk &lt;market@marketdesk.test&gt; wrote:<br></div><blockquote "
         "class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex\">" + original_html + "</blockquote></div>")


if __name__ == "__main__":
    main()
