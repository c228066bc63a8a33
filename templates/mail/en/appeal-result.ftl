Subject: Your appeal on order ${review.subject()}: ${approved?then("upheld, the order is cancelled with a refund", "not upheld, the order goes on")}

Hello ${requesterName},

<#if approved>
The operators upheld your appeal on order ${review.subject()}: the order is cancelled and you will be refunded.
<#else>
The operators did not uphold your appeal on order ${review.subject()}: the order is ${msg("en", "state.order-buyer.implementing")} again and the provider goes on with it.
</#if>
<#if review.decisionNote()?has_content>
The operators' note: ${review.decisionNote()}
</#if>
<#if !approved>
When the provider is done you will get a mail; then reply "confirm order ${review.subject()}" or "reject delivery ${review.subject()} REASON".
</#if>
<#import "_sign.ftl" as sign><@sign.buyer/>
