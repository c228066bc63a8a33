Subject: Order ${orderNo}: the buyer asks for a refund of ${amount}; please answer by ${due}

Hello (account ID ${accountId}),

The buyer ${buyerEmail} asks for a refund of ${amount} on order ${orderNo} (price ${price}, refunded before ${refunded}). The order is on hold as ${msg("en", "state.order.refunding")}. The buyer's reason:

${reason}

Within ${answerWithin} working days (by ${due}) reply to this mail with one line:
    accept refund
or
    decline refund REASON
If you decline or do not answer in time, the operators decide.

Order: ${orderNo}
Product: ${productName} (${productId})
Status before the hold: ${msg("en", "state.order." + before)}
<#import "_sign.ftl" as sign><@sign.provider/>
