Subject: Your refund request on order ${orderNo}: <#if outcome == "rejected">not granted<#else>${amount} refunded</#if>

Hello,

<#if outcome == "accepted">The provider accepted your refund request on order ${orderNo}; ${amount} will be paid back to you.<#elseif outcome == "approved">The operators granted your refund request on order ${orderNo}; ${amount} will be paid back to you.<#else>The operators did not grant your refund request on order ${orderNo}; nothing is refunded this time.</#if>
<#if note?has_content>Operator's note: ${note}
</#if>
The order is now ${msg("en", "state.order-buyer." + after)}; refunded so far ${refunded} of ${price}.<#if !full> The order goes on.</#if>

Send "status ${orderNo}" at any time to see the order.
<#import "_sign.ftl" as sign><@sign.buyer/>
