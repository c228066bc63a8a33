Subject: Order ${orderNo}: the refund request was not answered and goes to the operators

Hello (account ID ${accountId}),

You did not answer the refund request of ${amount} by the buyer ${buyerEmail} on order ${orderNo} within ${answerWithin} working days; the operators now decide it (review #${reviewId}). The order stays ${msg("en", "state.order.refunding")}. To explain your side, contact the operators.
<#import "_sign.ftl" as sign><@sign.provider/>
