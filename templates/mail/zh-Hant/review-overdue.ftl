Subject: 【審核逾期 #${review.review().id()}】${review.title()}，期限 ${review.due()} 已過

您好：

審核 #${review.review().id()}（${review.title()}）已逾期：期限是 ${review.due()}，至今沒有人處理。
申請人：${review.requester()}，已等 ${waited}
<#if changes?has_content>變更：${changes}
</#if>

在處理之前，每天都會傳送這封提醒。直接回覆本郵件寫「同意」或「拒絕 理由」即可處理。
<#import "_sign.ftl" as sign><@sign.short review.serviceAddress()/>
