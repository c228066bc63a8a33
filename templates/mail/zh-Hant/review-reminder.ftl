Subject: 【審核提醒 #${review.review().id()}】${review.title()}，期限 ${review.due()}

您好：

審核 #${review.review().id()}（${review.title()}）的審核時間已過 80%，期限是 ${review.due()}。
申請人：${review.requester()}，已等 ${waited}
<#if changes?has_content>變更：${changes}
</#if>

直接回覆本郵件寫「同意」或「拒絕 理由」即可處理。
<#import "_sign.ftl" as sign><@sign.short review.serviceAddress()/>
