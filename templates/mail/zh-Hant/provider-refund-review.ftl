Subject: 訂單 ${orderNo} 的退款申請未答覆，已交營運人員裁決

您好（帳號 ID：${accountId}）：

您未在 ${answerWithin} 個工作天內答覆買家 ${buyerEmail} 對訂單 ${orderNo} 的退款申請（${amount}），現由營運人員裁決（審核 #${reviewId}）。訂單仍為「${msg("zh-Hant", "state.order.refunding")}」。如需說明情況，請聯絡營運人員。
<#import "_sign.ftl" as sign><@sign.provider/>
