Subject: Your refund request on order ${orderNo} goes to the operators

Hello,

<#if outcome == "silent">The provider did not answer your refund request of ${amount} on order ${orderNo} within ${answerWithin} working days<#else>The provider declined your refund request of ${amount} on order ${orderNo}. Their reason:

${declineReason}

</#if>The operators now decide it (review #${reviewId}); the order stays ${msg("en", "state.order-buyer.refunding")}. You will get the result by mail.

Send "status ${orderNo}" at any time to see the order.
<#import "_sign.ftl" as sign><@sign.buyer/>
