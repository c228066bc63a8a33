Subject: 【审核提醒 #${review.review().id()}】${review.title()}，期限 ${review.due()}

您好：

审核 #${review.review().id()}（${review.title()}）的审核时间已过 80%，期限是 ${review.due()}。
申请人：${review.requester()}，已等 ${waited}
<#if changes?has_content>改动：${changes}
</#if>

直接回复本邮件写“同意”或“拒绝 理由”即可处理。
<#import "_sign.ftl" as sign><@sign.short review.serviceAddress()/>
