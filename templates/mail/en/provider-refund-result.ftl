Subject: Order ${orderNo}: the refund is decided (<#if outcome == "rejected">no refund<#else>${amount} refunded</#if>)

Hello (account ID ${accountId}),

The operators decided the refund request of ${amount} by the buyer ${buyerEmail} on order ${orderNo}: <#if outcome == "rejected">no refund.<#else>refunded to the buyer.</#if>
<#if note?has_content>Operator's note: ${note}
</#if>
The order is now ${msg("en", "state.order." + after)}; refunded so far ${refunded} of ${price}.<#if !full> Please go on with the order.</#if>
<#import "_sign.ftl" as sign><@sign.provider/>
