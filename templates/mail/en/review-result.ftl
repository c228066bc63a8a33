Subject: [Review result #${review.id()}] ${title}: ${approved?then("approved", "rejected")}

Hello ${requesterName},
<#if accountId?has_content>
(provider account ID: ${accountId})
</#if>

Your request "${title}" (review #${review.id()}) was ${approved?then("approved", "rejected")}.
<#if approved>
<#if review.kind() == "product">
Product ${review.subject()} is listed; buyers now see this version:
${webBaseUrl}/products/${review.subject()}
<#elseif review.kind() == "account">
Your account now reads:
<#list lines as c>
- ${c.label()}: ${c.after()}
</#list>
</#if>
<#if review.decisionNote()?has_content>
Operator's comment: ${review.decisionNote()}
</#if>
<#else>
Reason: ${review.decisionNote()}
<#if review.kind() == "product">
Next: change it as the reason says, then send "product update ${review.subject()}" with the fields to change below it.
<#elseif review.kind() == "account">
Next: change it as the reason says, then send "account update" with the fields to change below it.
<#elseif review.kind() == "price">
Next: the order's price did not change; if you still want it changed, send a new request that answers the reason.
</#if>
</#if>
<#if note?has_content>
${note}
</#if>
<#import "_sign.ftl" as sign><@sign.provider/>
