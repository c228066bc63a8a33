Subject: Reminder: please confirm order ${orderNo}

Hello ${buyerEmail},

<#if auto>The provider finished ${remindAfter} working days ago and your confirmation is still open.<#else>The provider ${companyName} reminds you that the work is done and asks you to confirm.</#if>
Status: ${msg("en", "state.order-buyer." + status)} (awaiting your confirmation).

Order: ${orderNo}
Product: ${productName} (${productId})
Amount: ${price}
Provider: ${companyName}

Reply to this mail with
    确认完成 ${orderNo}
(or "confirm order ${orderNo}"). If you are not satisfied: "reject delivery ${orderNo} REASON".
<#if autoConfirmAfter gt 0>Without an answer the order is confirmed automatically on ${deadline} (${autoConfirmAfter} days after it was marked done).
</#if><#import "_sign.ftl" as sign><@sign.buyer/>
