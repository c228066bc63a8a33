Subject: 【审核逾期 #${review.review().id()}】${review.title()}，期限 ${review.due()} 已过

您好：

审核 #${review.review().id()}（${review.title()}）已逾期：期限是 ${review.due()}，至今没有人处理。
申请人：${review.requester()}，已等 ${waited}
<#if changes?has_content>改动：${changes}
</#if>

在处理之前，每天都会发送这封提醒。直接回复本邮件写“同意”或“拒绝 理由”即可处理。
<#import "_sign.ftl" as sign><@sign.short review.serviceAddress()/>
