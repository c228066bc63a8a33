Subject: 您對訂單 ${orderNo} 的退款申請已交營運人員裁決

您好：

<#if outcome == "silent">服務商未在 ${answerWithin} 個工作天內答覆您對訂單 ${orderNo} 的退款申請（${amount}）<#else>服務商拒絕了您對訂單 ${orderNo} 的退款申請（${amount}）。服務商的理由：

${declineReason}

</#if>現在由營運人員裁決（審核 #${reviewId}），訂單仍為「${msg("zh-Hant", "state.order-buyer.refunding")}」。結果會以郵件通知您。

傳送「查詢訂單 ${orderNo}」可隨時檢視訂單。
<#import "_sign.ftl" as sign><@sign.buyer/>
