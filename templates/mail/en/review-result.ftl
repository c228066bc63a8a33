Subject: [Review result #${review.id()}] ${review.titleEn()} (${approved?then("approved","rejected")})

Hello,
<#if accountId?has_content>
(provider account ID: ${accountId})
</#if>

Your request "${review.titleEn()}" (review #${review.id()}) was ${approved?then("approved", "rejected")}.
<#if !approved>
Reason: ${review.decisionNote()}
You may change it and submit it again.
<#elseif review.decisionNote()?has_content>
Operator's comment: ${review.decisionNote()}
</#if>
<#if note?has_content>
${note}
</#if>
--
marketdesk · ${serviceAddress}
