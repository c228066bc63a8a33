#!/usr/bin/env python3
"""Writes the golden sample mails of src/test/resources/mail/golden with their real bytes.

Run from the repository root: python3 src/test/python/make_golden_eml.py
Non-UTF-8 samples (GBK, GB2312, GB18030, Big5) are encoded here, so the committed .eml files carry
the bytes a real client sends. The expected files are written by hand (see the folder's README).
"""
import base64
import os
import quopri

OUT = os.path.join("src", "test", "resources", "mail", "golden")
CRLF = "\r\n"


def b64(text, charset):
    data = base64.encodebytes(text.replace("\n", CRLF).encode(charset)).decode("ascii")
    return data.replace("\n", CRLF)


def qp(text, charset):
    data = quopri.encodestring(text.replace("\n", CRLF).encode(charset)).decode("ascii")
    return data.replace("\r\n", "\n").replace("\n", CRLF)


def word(text, charset, kind="B"):
    raw = text.encode(charset)
    if kind == "B":
        return "=?%s?B?%s?=" % (charset, base64.b64encode(raw).decode("ascii"))
    enc = "".join(chr(b) if (48 <= b < 58 or 65 <= b < 91 or 97 <= b < 123) else "=%02X" % b for b in raw)
    return "=?%s?Q?%s?=" % (charset, enc)


def headers(frm, subject, msgid, extra=(), to="market@marketdesk.test",
            date="Sat, 28 Nov 2026 10:15:00 +0800"):
    lines = ["Return-Path: <%s>" % frm.split("<")[-1].rstrip(">"),
             "From: " + frm, "To: " + to, "Subject: " + subject, "Date: " + date,
             "Message-ID: <%s>" % msgid, "MIME-Version: 1.0"]
    lines.extend(extra)
    return CRLF.join(lines) + CRLF


def write(name, data):
    if isinstance(data, str):
        data = data.encode("ascii")
    with open(os.path.join(OUT, name + ".eml"), "wb") as f:
        f.write(data)


ALICE = "Alice Wang <alice@provider-a.test>"
ALICE_ZH = word("王爱丽", "UTF-8") + " <alice@provider-a.test>"
MD = "MarketDesk <market@marketdesk.test>"
ORIG = "<reply-1@marketdesk.test>"
THREAD = ["In-Reply-To: " + ORIG, "References: <first-0@marketdesk.test> " + ORIG]


def outlook_en():
    plain = ("help\n\n________________________________\nFrom: MarketDesk <market@marketdesk.test>\n"
             "Sent: Saturday, November 28, 2026 10:00 AM\nTo: Alice Wang <alice@provider-a.test>\n"
             "Subject: Welcome to MarketDesk\n\nReply with 商品列表 to see your products.\n")
    html = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head>"
            "<body><div>help</div><div id=\"appendonsend\"></div><hr style=\"display:inline-block;width:98%\">"
            "<div id=\"divRplyFwdMsg\" dir=\"ltr\"><font face=\"Calibri\"><b>From:</b> MarketDesk"
            " &lt;market@marketdesk.test&gt;<br><b>Sent:</b> Saturday, November 28, 2026 10:00 AM<br>"
            "<b>Subject:</b> Welcome</font><div>&nbsp;</div></div><div>Reply with 商品列表</div></body></html>\n")
    b = "_000_OUTLOOK_ALT_"
    return (headers(ALICE, "RE: Welcome to MarketDesk", "DM6PR01MB1234.namprd01.prod.outlook.com",
                    THREAD + ["Content-Type: multipart/alternative; boundary=\"%s\"" % b,
                              "X-MS-Has-Attach:", "Content-Language: en-US"], to=MD)
            + CRLF + "--" + b + CRLF + "Content-Type: text/plain; charset=\"utf-8\"" + CRLF
            + "Content-Transfer-Encoding: base64" + CRLF + CRLF + b64(plain, "utf-8")
            + CRLF + "--" + b + CRLF + "Content-Type: text/html; charset=\"utf-8\"" + CRLF
            + "Content-Transfer-Encoding: base64" + CRLF + CRLF + b64(html, "utf-8")
            + CRLF + "--" + b + "--" + CRLF)


def outlook_zh():
    plain = ("商品列表\n\n发件人: MarketDesk <market@marketdesk.test>\n发送时间: 2026年11月28日 10:00\n"
             "收件人: 王爱丽 <alice@provider-a.test>\n主题: 欢迎使用 MarketDesk\n\n回复 帮助 查看命令。\n")
    return (headers(ALICE_ZH, word("答复: 欢迎使用 MarketDesk", "gb2312"), "TY0PR06MB5678.apcprd06.prod.outlook.com",
                    THREAD + ["Content-Type: text/plain; charset=\"gb2312\"",
                              "Content-Transfer-Encoding: base64"], to=MD)
            + CRLF + b64(plain, "gb2312"))


def outlook_bold():
    plain = ("同意\n\n*From:* MarketDesk <market@marketdesk.test>\n*Sent:* Saturday, November 28, 2026 10:00\n"
             "*To:* ops@marketdesk.test\n*Subject:* [MD#k3Jd9] 审核: 新建商品 10001\n\n回复 同意 或 拒绝 理由\n")
    return (headers("Ops Team <ops@marketdesk.test>", "RE: [MD#k3Jd9] " + word("审核: 新建商品 10001", "UTF-8"),
                    "AM0PR02MB9999.eurprd02.prod.outlook.com",
                    THREAD + ["Content-Type: text/plain; charset=\"utf-8\"",
                              "Content-Transfer-Encoding: quoted-printable"], to="market+k3Jd9@marketdesk.test")
            + CRLF + qp(plain, "utf-8"))


def outlook_original_message():
    plain = ("拒绝 理由不充分，请补充资质证明\n\n-----Original Message-----\nFrom: MarketDesk\n"
             "Sent: Saturday, November 28, 2026 10:00\nSubject: review\n\n同意\n")
    return (headers("Ops Team <ops@marketdesk.test>", "RE: [MD#p8Zq1] review", "old-outlook-1@corp.test",
                    THREAD + ["Content-Type: text/plain; charset=utf-8",
                              "Content-Transfer-Encoding: 8bit", "X-Mailer: Microsoft Outlook 16.0"])
            + CRLF).encode("ascii") + plain.replace("\n", CRLF).encode("utf-8")


def gmail_en():
    plain = ("account\n\nOn Sat, Nov 28, 2026 at 10:00 AM MarketDesk <market@marketdesk.test>\n"
             "wrote:\n\n> Hello Alice,\n> reply with help to see the commands.\n> products\n")
    html = ("<div dir=\"ltr\">account</div><br><div class=\"gmail_quote gmail_quote_container\">"
            "<div dir=\"ltr\" class=\"gmail_attr\">On Sat, Nov 28, 2026 at 10:00 AM MarketDesk &lt;"
            "<a href=\"mailto:market@marketdesk.test\">market@marketdesk.test</a>&gt; wrote:<br></div>"
            "<blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex\">Hello Alice,<br>"
            "products</blockquote></div>\n")
    b = "000000000000a1b2c3d4e5f6"
    return (headers(ALICE, "Re: Welcome", "CAF=abc123xyz@mail.gmail.com", THREAD
                    + ["Content-Type: multipart/alternative; boundary=\"%s\"" % b], to=MD)
            + CRLF + "--" + b + CRLF + "Content-Type: text/plain; charset=\"UTF-8\"" + CRLF + CRLF
            + plain.replace("\n", CRLF) + CRLF + "--" + b + CRLF
            + "Content-Type: text/html; charset=\"UTF-8\"" + CRLF
            + "Content-Transfer-Encoding: quoted-printable" + CRLF + CRLF + qp(html, "utf-8")
            + CRLF + "--" + b + "--" + CRLF)


def gmail_zh():
    plain = ("同意\n\nMarketDesk <market@marketdesk.test> 于2026年11月28日周六 10:00写道：\n\n"
             "> 新的审核：新建商品 10001\n> 回复 同意 或 拒绝 理由\n> 拒绝 理由不充分\n")
    html = ("<div dir=\"ltr\">同意</div><br><div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">"
            "MarketDesk &lt;market@marketdesk.test&gt; 于2026年11月28日周六 10:00写道：<br></div>"
            "<blockquote class=\"gmail_quote\">新的审核<br>拒绝 理由不充分</blockquote></div>\n")
    b = "000000000000ffee"
    return (headers("Ops Team <ops@marketdesk.test>", "Re: [MD#T0k3n] " + word("审核：新建商品 10001", "UTF-8"),
                    "CAK=zh987@mail.gmail.com", THREAD
                    + ["Content-Type: multipart/alternative; boundary=\"%s\"" % b], to="market+T0k3n@marketdesk.test")
            + CRLF + "--" + b + CRLF + "Content-Type: text/plain; charset=\"UTF-8\"" + CRLF
            + "Content-Transfer-Encoding: base64" + CRLF + CRLF + b64(plain, "utf-8")
            + "--" + b + CRLF + "Content-Type: text/html; charset=\"UTF-8\"" + CRLF
            + "Content-Transfer-Encoding: base64" + CRLF + CRLF + b64(html, "utf-8")
            + "--" + b + "--" + CRLF)


def apple_mail():
    plain = ("确认完成 20261128000123\n\nSent from my iPhone\n\n> On Nov 28, 2026, at 10:00, MarketDesk "
             "<market@marketdesk.test> wrote:\n>\n> 订单 20261128000123 已实施完成，请回复 确认完成 20261128000123\n")
    return (headers("buyer@customer.test", "Re: " + word("订单待确认完成", "utf-8"),
                    "5E3B2C1A-1111-2222-3333-444455556666@customer.test",
                    THREAD + ["Content-Type: text/plain; charset=utf-8",
                              "Content-Transfer-Encoding: quoted-printable",
                              "X-Mailer: iPhone Mail (22B91)"], to=MD)
            + CRLF + qp(plain, "utf-8"))


def thunderbird():
    text = ("On 11/28/26 10:00 AM, MarketDesk wrote:\n> Your order 20261128000123 is awaiting\n"
            "> confirmation. Reply: 确认完成 20261128000123\n\nreject 20261128000123 the server is not set up\n\n"
            "Bob\n")
    return (headers("Bob Buyer <buyer@customer.test>", "Re: Order 20261128000123", "b7e1c0de-7a2b@customer.test",
                    THREAD + ["User-Agent: Mozilla Thunderbird",
                              "Content-Type: text/plain; charset=UTF-8; format=flowed",
                              "Content-Transfer-Encoding: 8bit"], to=MD)
            ).encode("ascii") + CRLF.encode() + text.replace("\n", CRLF).encode("utf-8")


def qq_html_only():
    html = ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GB18030\">"
            "<div>商品列表</div><div><br></div><div><br></div><div style=\"font-size: 12px;font-family: Arial Narrow;"
            "padding:2px 0 2px 0;\">------------------&nbsp;原始邮件&nbsp;------------------</div>"
            "<div style=\"font-size: 12px;background:#efefef;padding:8px;\"><div><b>发件人:</b>&nbsp;\"MarketDesk\""
            "&lt;market@marketdesk.test&gt;;</div><div><b>发送时间:</b>&nbsp;2026年11月28日(星期六) 上午10:00</div>"
            "<div><b>收件人:</b>&nbsp;\"王爱丽\"&lt;12345678@qq.com&gt;;</div><div><b>主题:</b>&nbsp;帮助</div></div>"
            "<div><br></div>回复 帮助 查看命令<br>新建商品\n")
    return (headers("\"" + word("王爱丽", "gb18030") + "\" <12345678@qq.com>",
                    word("回复：帮助", "gb18030"), "tencent_5A6B7C8D9E@qq.com",
                    THREAD + ["X-QQ-mid: bizesmtp123t1764295000", "X-Mailer: QQMail 2.x",
                              "Content-Type: text/html; charset=\"gb18030\"",
                              "Content-Transfer-Encoding: base64"], to="\"market\" <market@marketdesk.test>")
            + CRLF + b64(html, "gb18030"))


def qq_plain_original():
    plain = ("账户信息\n\n\n\n------------------&nbsp;Original&nbsp;------------------\nFrom:  \"MarketDesk\""
             "<market@marketdesk.test>;\nDate:  Sat, Nov 28, 2026 10:00 AM\nSubject:  help\n\n帮助\n")
    html = ("<div>账户信息</div><div><br></div><div style=\"font-size: 12px;\">------------------&nbsp;Original"
            "&nbsp;------------------</div><div><b>From:</b> MarketDesk</div><div>帮助</div>")
    b = "----=_NextPart_5F3A1B2C_0A1B2C3D_1A2B3C4D"
    return (headers("\"alice\" <12345678@qq.com>", word("回复：help", "GBK"), "tencent_QQ2@qq.com",
                    THREAD + ["Content-Type: multipart/alternative;" + CRLF + "\tboundary=\"%s\"" % b,
                              "X-Mailer: QQMail 2.x"], to="\"market\"<market@marketdesk.test>")
            + CRLF + "This is a multi-part message in MIME format." + CRLF + CRLF + "--" + b + CRLF
            + "Content-Type: text/plain;" + CRLF + "\tcharset=\"gb18030\"" + CRLF
            + "Content-Transfer-Encoding: base64" + CRLF + CRLF + b64(plain, "gb18030") + CRLF
            + "--" + b + CRLF + "Content-Type: text/html;" + CRLF + "\tcharset=\"gb18030\"" + CRLF
            + "Content-Transfer-Encoding: base64" + CRLF + CRLF + b64(html, "gb18030") + CRLF
            + "--" + b + "--" + CRLF + CRLF)


def foxmail_gbk():
    text = ("账户信息\n修改账户信息\n客服电话: 0755-12345678\n服务时间: 工作日 9:00-18:00\n\n\n"
            "------------------ 原始邮件 ------------------\n发件人: \"MarketDesk\"<market@marketdesk.test>;\n"
            "发送时间: 2026年11月28日(星期六) 上午10:00\n收件人: \"Alice\"<alice@provider-a.test>;\n"
            "主题: 帮助\n\n商品列表\n")
    return (headers("\"Alice\" <alice@provider-a.test>", word("回复: 帮助", "GBK"),
                    "202611281015000123456@provider-a.test",
                    THREAD + ["X-Mailer: Foxmail 7.2.25.375[cn]",
                              "Content-Type: text/plain; charset=\"GBK\"",
                              "Content-Transfer-Encoding: 8bit"], to=MD)
            ).encode("ascii") + CRLF.encode() + text.replace("\n", CRLF).encode("gbk")


def netease_163():
    plain = ("新建商品\n名称: 云服务器运维\n服务类型: 运维服务\n价格: ¥880.00\n计费单位: 次\n简介: 7x24 小时服务器运维\n"
             "详情: 包含系统巡检、故障处理。\n每月一次报告。\n\n\n---- Replied Message ----\n"
             "| From | MarketDesk<market@marketdesk.test> |\n| Date | 11/28/2026 10:00 |\n"
             "| Subject | 帮助 |\n\n新建商品 模板\n名称:\n")
    b = "----=_Part_123456_789.1764295000000"
    return (headers("alice163 <alice163@163.com>", word("回复:帮助", "UTF-8"), "6f1a2b3c.4d5e.19a0b1c2d3e.Coremail.alice163@163.com",
                    THREAD + ["X-Mailer: Coremail Webmail Server", "Content-Type: multipart/alternative; "
                              + CRLF + "\tboundary=\"%s\"" % b], to=MD)
            + CRLF + "--" + b + CRLF + "Content-Type: text/plain; charset=UTF-8" + CRLF
            + "Content-Transfer-Encoding: base64" + CRLF + CRLF + b64(plain, "utf-8")
            + "--" + b + CRLF + "Content-Type: text/html; charset=UTF-8" + CRLF
            + "Content-Transfer-Encoding: base64" + CRLF + CRLF
            + b64("<div>新建商品</div><div>名称: 云服务器运维</div>", "utf-8") + "--" + b + "--" + CRLF)


def plain_gb2312():
    text = "修改账户信息\n联系人: 王堃\n联系电话: 13800138000\n"
    return (headers(ALICE, word("修改账户信息", "gb2312"), "gb2312-1@provider-a.test",
                    ["Content-Type: text/plain; charset=gb2312", "Content-Transfer-Encoding: base64"])
            + CRLF + b64(text, "gb18030"))


def big5():
    text = "help\n\n謝謝\n陳大文\n"
    return (headers("=?big5?B?%s?= <david@hk-provider.test>" % base64.b64encode("陳大文".encode("big5")).decode(),
                    word("查詢", "big5"), "big5-1@hk-provider.test",
                    ["Content-Type: text/plain; charset=big5", "Content-Transfer-Encoding: base64"])
            + CRLF + b64(text, "big5"))


def utf8_base64():
    text = "\ufeff订单列表\r\n查看商品 10001\r\n"
    return (headers(ALICE, word("订单列表", "UTF-8"), "utf8-b64@provider-a.test",
                    ["Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64"])
            + CRLF + base64.encodebytes(text.encode("utf-8")).decode().replace("\n", CRLF))


def quoted_printable():
    text = ("修改商品 10001\n详情: 本服务提供数据库安装、备份、性能调优与故障排查，"
            "由资深工程师在工作日 9:00-18:00 提供支持，紧急情况 7x24 小时响应。\n\n")
    return (headers(ALICE, "=?utf-8?Q?=E4=BF=AE=E6=94=B9=E5=95=86=E5=93=81_10001?=", "qp-1@provider-a.test",
                    ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable"])
            + CRLF + qp(text, "utf-8"))


def subject_gbk_split():
    raw = "新建商品 数据库运维".encode("gbk")
    first, second = raw[:5], raw[5:]  # splits the third character's two bytes across the words
    subject = "=?GBK?B?%s?=%s =?GBK?B?%s?=" % (base64.b64encode(first).decode(), CRLF,
                                               base64.b64encode(second).decode())
    return (headers(ALICE, subject, "gbk-subject@provider-a.test",
                    ["Content-Type: text/plain; charset=GBK", "Content-Transfer-Encoding: base64"])
            + CRLF + b64("帮助\n", "gbk"))


def attachment_2231():
    b = "mixed-boundary-2231"
    pdf = b"%PDF-1.4\n% sample\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    xlsx = b"PK\x03\x04 not really a spreadsheet"
    return (headers("Bob Buyer <buyer@customer.test>", "=?UTF-8?B?5o+Q5Lqk6ZyA5rGC5Y2V?=", "req-2231@customer.test",
                    ["Content-Type: multipart/mixed; boundary=\"%s\"" % b], to=MD)
            + CRLF + "--" + b + CRLF + "Content-Type: text/plain; charset=UTF-8" + CRLF
            + "Content-Transfer-Encoding: base64" + CRLF + CRLF
            + b64("提交需求单 20261128000123\n服务器 IP 和账号见附件。\n", "utf-8") + "--" + b + CRLF
            + "Content-Type: application/pdf" + CRLF
            + "Content-Disposition: attachment;" + CRLF
            + " filename*=UTF-8''%E9%9C%80%E6%B1%82%E5%8D%95%20v2.pdf" + CRLF
            + "Content-Transfer-Encoding: base64" + CRLF + CRLF
            + base64.encodebytes(pdf).decode().replace("\n", CRLF) + "--" + b + CRLF
            + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" + CRLF
            + "Content-Disposition: attachment;" + CRLF
            + " filename*0*=UTF-8''%E6%9C%8D%E5%8A%A1%E5%99%A8;" + CRLF
            + " filename*1*=%E6%B8%85%E5%8D%95;" + CRLF + " filename*2=\".xlsx\"" + CRLF
            + "Content-Transfer-Encoding: base64" + CRLF + CRLF
            + base64.encodebytes(xlsx).decode().replace("\n", CRLF) + "--" + b + "--" + CRLF)


def html_blockquote():
    html = ("<!DOCTYPE html><html><head><style>p{margin:0}</style></head><body>"
            "<p>help</p><p>See&nbsp;<a href=\"https://marketdesk.test/products/10001\">the product page</a>"
            "</p><p><br></p><div>On 28 Nov 2026, MarketDesk wrote:</div><blockquote type=\"cite\">"
            "<p>Reply with</p><p>商品列表</p><blockquote><p>新建商品</p></blockquote></blockquote>"
            "<p>account</p></body></html>")
    return (headers(ALICE, "Re: products", "html-bq@provider-a.test",
                    ["Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: quoted-printable"])
            + CRLF + qp(html, "utf-8"))


def fullwidth():
    text = "新建商品\n名称：云主机运维（标准版）\n服务类型：运维服务\n价格：￥1，280.00元\n计费单位：月\n"
    return (headers(ALICE, word("新建商品", "UTF-8"), "fullwidth@provider-a.test",
                    ["Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: 8bit"])
            ).encode("ascii") + CRLF.encode() + text.replace("\n", CRLF).encode("utf-8")


def signature():
    text = "login\n\n-- \nAlice Wang\nProvider A | 帮助中心\nhelp\n"
    return (headers(ALICE, "login", "sig@provider-a.test", ["Content-Type: text/plain; charset=us-ascii"])
            ).encode("ascii") + CRLF.encode() + text.replace("\n", CRLF).encode("utf-8")


def thanks():
    text = "确认完成 20261128000123\n\n谢谢！\n王先生\n帮助\n"
    return (headers("buyer@customer.test", "=?UTF-8?B?56Gu6K6k5a6M5oiQ?=", "thanks@customer.test",
                    ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64"], to=MD)
            + CRLF + b64(text, "utf-8"))


def command_only_in_quote():
    text = ("Hi, just checking that you got my mail.\n\nOn Sat, Nov 28, 2026 at 10:00 AM MarketDesk "
            "<market@marketdesk.test> wrote:\n> 帮助\n> 商品列表\n> price 20261128000123 880\n")
    return (headers(ALICE, "Re: help", "quote-only@provider-a.test",
                    THREAD + ["Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: 8bit"])
            ).encode("ascii") + CRLF.encode() + text.replace("\n", CRLF).encode("utf-8")


def dsn_bounce():
    b = "dsn-boundary-1"
    return (headers("Mail Delivery System <MAILER-DAEMON@mx.marketdesk.test>",
                    "Undelivered Mail Returned to Sender", "20261128021500.ABCDEF@mx.marketdesk.test",
                    ["Auto-Submitted: auto-replied",
                     "Content-Type: multipart/report; report-type=delivery-status;" + CRLF + "\tboundary=\"%s\"" % b],
                    to="market@marketdesk.test")
            + CRLF + "This is a MIME-encapsulated message." + CRLF + CRLF + "--" + b + CRLF
            + "Content-Description: Notification" + CRLF + "Content-Type: text/plain; charset=us-ascii" + CRLF + CRLF
            + "I'm sorry to have to inform you that your message could not" + CRLF
            + "be delivered to one or more recipients." + CRLF + CRLF
            + "<nobody@customer.test>: host mx.customer.test said: 550 5.1.1 User unknown" + CRLF + CRLF
            + "--" + b + CRLF + "Content-Description: Delivery report" + CRLF
            + "Content-Type: message/delivery-status" + CRLF + CRLF
            + "Reporting-MTA: dns; mx.marketdesk.test" + CRLF + "Arrival-Date: Sat, 28 Nov 2026 10:15:00 +0800"
            + CRLF + CRLF + "Final-Recipient: rfc822; Nobody@customer.test" + CRLF
            + "Original-Recipient: rfc822;nobody@customer.test" + CRLF + "Action: failed" + CRLF
            + "Status: 5.1.1" + CRLF + "Remote-MTA: dns; mx.customer.test" + CRLF
            + "Diagnostic-Code: smtp; 550 5.1.1 <nobody@customer.test>: Recipient" + CRLF
            + "    address rejected: User unknown" + CRLF + CRLF
            + "--" + b + CRLF + "Content-Description: Undelivered Message Headers" + CRLF
            + "Content-Type: text/rfc822-headers" + CRLF + CRLF
            + "From: MarketDesk <market@marketdesk.test>" + CRLF + "To: nobody@customer.test" + CRLF
            + "Subject: =?UTF-8?B?6K6i5Y2V5bey5pSv5LuY?=" + CRLF
            + "Message-ID: <out-42.20261128@marketdesk.test>" + CRLF + "Auto-Submitted: auto-replied" + CRLF
            + CRLF + "--" + b + "--" + CRLF)


def mailer_daemon_bounce():
    b = "bounce-mixed-7"
    return (headers("MAILER-DAEMON <MAILER-DAEMON@mail.example-isp.test>", "failure notice",
                    "bounce-7@mail.example-isp.test",
                    ["Content-Type: multipart/mixed; boundary=\"%s\"" % b], to="market@marketdesk.test")
            + CRLF + "--" + b + CRLF + "Content-Type: text/plain; charset=us-ascii" + CRLF + CRLF
            + "Hi. This is the qmail-send program at mail.example-isp.test." + CRLF
            + "I'm afraid I wasn't able to deliver your message to the following addresses." + CRLF
            + "This is a permanent error; I've given up. Sorry it didn't work out." + CRLF + CRLF
            + "<gone@example-isp.test>:" + CRLF + "Sorry, no mailbox here by that name. (#5.1.1)" + CRLF + CRLF
            + "--" + b + CRLF + "Content-Type: message/rfc822" + CRLF + CRLF
            + "From: MarketDesk <market@marketdesk.test>" + CRLF + "To: gone@example-isp.test" + CRLF
            + "Subject: Your order" + CRLF + "Message-ID: <out-77@marketdesk.test>" + CRLF
            + "Content-Type: text/plain; charset=utf-8" + CRLF + CRLF + "Your order is paid." + CRLF
            + "--" + b + "--" + CRLF)


def broken_mime():
    b = "broken-boundary"
    return (headers(ALICE, "products", "broken@provider-a.test",
                    ["Content-Type: multipart/mixed; boundary=\"%s\"" % b])
            + CRLF + "--" + b + CRLF + "Content-Type: text/plain; charset=utf-8" + CRLF
            + "Content-Transfer-Encoding: base64" + CRLF + CRLF
            + base64.b64encode("商品列表\n订单列表\n".encode()).decode()[:-4] + "!!**" + CRLF
            + base64.b64encode("查看商品 10001\n".encode()).decode() + CRLF
            + "--" + b + CRLF + "Content-Type: image/png; name=\"screen.png\"" + CRLF
            + "Content-Transfer-Encoding: base64" + CRLF + CRLF + "iVBORw0KGgo$$$AAAANSUhEUgAA" + CRLF)


def no_text_part():
    b = "only-image"
    png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
    return (headers(ALICE, "", "no-text@provider-a.test", ["Content-Type: multipart/mixed; boundary=\"%s\"" % b])
            + CRLF + "--" + b + CRLF + "Content-Type: image/png" + CRLF
            + "Content-Disposition: inline; filename=\"pixel.png\"" + CRLF
            + "Content-Transfer-Encoding: base64" + CRLF + CRLF
            + base64.encodebytes(png).decode().replace("\n", CRLF) + "--" + b + "--" + CRLF)


def raw_8bit_headers():
    head = ("From: 王爱丽 <Alice@Provider-A.test>\r\nTo: market@marketdesk.test\r\n"
            "Cc: \"运营, 团队\" <ops@marketdesk.test>, bob@provider-b.test\r\n").encode("utf-8")
    head += "Subject: 回复: 商品列表 已上架\r\n".encode("gbk")
    head += (b"Date: Sat, 28 Nov 2026 10:15:00 +0800 (CST)\r\nMessage-ID: <raw8bit@provider-a.test>\r\n"
             b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
    return head + "商品列表 已上架\r\n".encode("gbk")


def price_change():
    text = ("云帆科技服务商（腾讯云账号 ID : 100012345678），申请将订单20261128000123价格修改为折扣价880.00\n"
            "理由: 老客户续费优惠\n\nprice 20261128000124 1,280.50\n\n---- 回复的原邮件 ----\n帮助\n")
    return (headers(ALICE, word("申请订单改价", "UTF-8"), "price@provider-a.test",
                    ["Content-Type: text/plain; charset=\"utf-8\"", "Content-Transfer-Encoding: quoted-printable"])
            + CRLF + qp(text, "utf-8"))


def forwarded_apple():
    text = ("商品列表\n\nBegin forwarded message:\n\nFrom: MarketDesk <market@marketdesk.test>\n"
            "Subject: help\nDate: 28 November 2026 at 10:00:00 CST\n\nhelp\n")
    return (headers("Alice Wang <alice@provider-a.test>", "Fwd: help", "fwd-apple@provider-a.test",
                    ["Content-Type: text/plain; charset=us-ascii", "Content-Transfer-Encoding: quoted-printable",
                     "X-Mailer: Apple Mail (2.3826.200.121)"])
            + CRLF + qp(text, "utf-8"))


def outlook_html_only():
    # Outlook desktop, HTML only (Word's MsoNormal paragraphs): the header block of the original is a
    # bordered div with bold From:/Sent:/To:/Subject:, the whole original below it
    html = ("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta http-equiv=\"Content-Type\" "
            "content=\"text/html; charset=utf-8\"><style><!-- p.MsoNormal {margin:0cm;} --></style></head>"
            "<body lang=\"EN-US\"><div class=\"WordSection1\"><p class=\"MsoNormal\">help<o:p></o:p></p>"
            "<p class=\"MsoNormal\"><o:p>&nbsp;</o:p></p><div style=\"border:none;border-top:solid #E1E1E1 1.0pt;"
            "padding:3.0pt 0cm 0cm 0cm\"><p class=\"MsoNormal\"><b>From:</b> MarketDesk &lt;market@marketdesk.test&gt; "
            "<br><b>Sent:</b> Saturday, November 28, 2026 10:00 AM<br><b>To:</b> Alice Wang "
            "&lt;alice@provider-a.test&gt;<br><b>Subject:</b> Welcome<o:p></o:p></p></div>"
            "<p class=\"MsoNormal\"><o:p>&nbsp;</o:p></p><p class=\"MsoNormal\">Reply with products to see your "
            "products.<o:p></o:p></p></div></body></html>")
    return (headers(ALICE, "RE: Welcome", "DM6PR01MB1234@namprd01.prod.outlook.com",
                    THREAD + ["X-Mailer: Microsoft Outlook 16.0", "Content-Type: text/html; charset=\"utf-8\"",
                              "Content-Transfer-Encoding: quoted-printable"])
            + CRLF + qp(html, "utf-8"))


def outlook_web_zh_html():
    # Outlook on the web, Chinese, HTML only: <hr> then div#divRplyFwdMsg with 发件人/发送时间/收件人/主题
    html = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body dir=\"ltr\">"
            "<div style=\"font-family: Calibri\">账户信息</div><div>订单列表 实施中</div>"
            "<hr style=\"display:inline-block;width:98%\" tabindex=\"-1\"><div id=\"divRplyFwdMsg\" dir=\"ltr\">"
            "<font face=\"Calibri, sans-serif\" style=\"font-size:11pt\" color=\"#000000\"><b>发件人:</b> MarketDesk "
            "&lt;market@marketdesk.test&gt;<br><b>发送时间:</b> 2026年11月28日 10:00<br><b>收件人:</b> 王爱丽 "
            "&lt;alice@provider-a.test&gt;<br><b>主题:</b> 欢迎</font><div>&nbsp;</div></div>"
            "<div><div>回复 商品列表 查看您的商品</div><div>下架商品 P1001</div></div></body></html>")
    return (headers(ALICE_ZH, word("回复: 欢迎", "gb2312"), "TY0PR01MB5678@apcprd01.prod.outlook.com",
                    THREAD + ["Content-Type: text/html; charset=\"gb2312\"", "Content-Transfer-Encoding: base64"])
            + CRLF + b64(html, "gb2312"))


def apple_mail_html_only():
    # Apple Mail (iOS), HTML only: the attribution line sits inside <blockquote type="cite">
    html = ("<html><head><meta http-equiv=\"content-type\" content=\"text/html; charset=utf-8\"></head>"
            "<body dir=\"auto\"><div dir=\"ltr\">订单列表</div><div dir=\"ltr\"><br><blockquote type=\"cite\">"
            "2026年11月28日 10:00，MarketDesk &lt;market@marketdesk.test&gt; 写道：<br><br></blockquote></div>"
            "<blockquote type=\"cite\"><div dir=\"ltr\">下架商品 P1001<br>确定</div></blockquote></body></html>")
    return (headers(ALICE, "Re: Welcome", "5E6F7A8B-1234-4ABC-9DEF-0123456789AB@provider-a.test",
                    THREAD + ["X-Mailer: iPhone Mail (21A329)", "Content-Type: text/html; charset=utf-8",
                              "Content-Transfer-Encoding: quoted-printable"])
            + CRLF + qp(html, "utf-8"))


def foxmail_html_gbk():
    # Foxmail, HTML only in GBK: the original behind a grey header div with From/Date/To/Subject
    html = ("<html><head><meta http-equiv=\"content-type\" content=\"text/html; charset=GBK\"></head><body>"
            "<div><span></span>帮助 改价</div><div><br></div><hr style=\"width: 210px; height: 1px;\" color=\"#b5c4df\" "
            "size=\"1\" align=\"left\"><div><span><div style=\"MARGIN: 10px; FONT-FAMILY: verdana; FONT-SIZE: 10pt\">"
            "<div>alice@provider-a.test</div></div></span></div><blockquote style=\"margin-Top: 0px; margin-Bottom: 0px;"
            " margin-Left: 0.5em\"><div>&nbsp;</div><div style=\"border:none;border-top:solid #B5C4DF 1.0pt;padding:3.0pt 0cm 0cm 0cm\">"
            "<div style=\"PADDING-RIGHT: 8px; PADDING-LEFT: 8px; FONT-SIZE: 12px; FONT-FAMILY:tahoma; COLOR:#000000; "
            "BACKGROUND: #efefef; PADDING-BOTTOM: 8px; PADDING-TOP: 8px\"><div><b>发件人：</b>&nbsp;<a href=\"mailto:"
            "market@marketdesk.test\">MarketDesk</a></div><div><b>发送时间：</b>&nbsp;2026-11-28&nbsp;10:00</div>"
            "<div><b>收件人：</b>&nbsp;<a href=\"mailto:alice@provider-a.test\">王爱丽</a></div><div><b>主题：</b>&nbsp;欢迎"
            "</div></div></div><div><div>开始实施 20261128000123 确定</div></div></blockquote></body></html>")
    return (headers(ALICE_ZH, word("回复: 欢迎", "GBK"), "202611281015001234567@provider-a.test",
                    THREAD + ["X-Mailer: Foxmail 7.2.25.375[cn]", "Content-Type: text/html; charset=\"GBK\"",
                              "Content-Transfer-Encoding: base64"])
            + CRLF + b64(html, "GBK"))


def qq_ios_sent_from():
    # QQ Mail on iOS, plain: the signature "发自我的iPhone", then the original
    plain = ("商品列表\n\n\n发自我的iPhone\n\n\n------------------ Original ------------------\n"
             "From: MarketDesk <market@marketdesk.test>\nDate: Sat,Nov 28,2026 10:00 AM\nTo: 王爱丽 "
             "<12345678@qq.com>\nSubject: Re: 欢迎\n\n下架商品 P1001\n")
    return (headers("\"" + word("王爱丽", "UTF-8") + "\" <12345678@qq.com>", word("回复：欢迎", "UTF-8"),
                    "tencent_iOS_7A8B9C@qq.com",
                    THREAD + ["X-Mailer: iPhone Mail (21A329)", "Content-Type: text/plain; charset=utf-8",
                              "Content-Transfer-Encoding: base64"])
            + CRLF + b64(plain, "utf-8"))


SAMPLES = {
    "outlook-en": outlook_en, "outlook-zh": outlook_zh, "outlook-bold-header": outlook_bold,
    "outlook-original-message": outlook_original_message, "gmail-en": gmail_en, "gmail-zh": gmail_zh,
    "apple-mail": apple_mail, "thunderbird-below-quote": thunderbird, "qq-html-only": qq_html_only,
    "qq-plain-original": qq_plain_original, "foxmail-gbk": foxmail_gbk, "netease-163": netease_163,
    "plain-gb2312": plain_gb2312, "big5": big5, "utf8-base64-bom": utf8_base64,
    "quoted-printable": quoted_printable, "subject-2047-gbk-split": subject_gbk_split,
    "attachment-2231": attachment_2231, "html-blockquote": html_blockquote,
    "fullwidth-punctuation": fullwidth, "signature": signature, "thanks-zh": thanks,
    "command-only-in-quote": command_only_in_quote, "dsn-bounce": dsn_bounce,
    "mailer-daemon-bounce": mailer_daemon_bounce, "broken-mime": broken_mime, "no-text-part": no_text_part,
    "raw-8bit-headers": raw_8bit_headers, "price-change": price_change, "apple-forwarded": forwarded_apple,
    "outlook-html-only": outlook_html_only, "outlook-web-zh-html": outlook_web_zh_html,
    "apple-mail-html-only": apple_mail_html_only, "foxmail-html-gbk": foxmail_html_gbk,
    "qq-ios-sent-from": qq_ios_sent_from,
}

if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for name, make in SAMPLES.items():
        write(name, make())
    print("wrote %d samples to %s" % (len(SAMPLES), OUT))
