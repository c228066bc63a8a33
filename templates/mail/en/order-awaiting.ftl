Subject: Order ${orderNo}: the provider is done, please confirm

Hello ${buyerEmail},

The provider ${companyName} has finished and asks you to confirm. Status: ${msg("en", "state.order-buyer." + status)} (awaiting your confirmation).

Order: ${orderNo}
Product: ${productName} (${productId})
Amount: ${price}
Provider: ${companyName}

To confirm, reply to this mail or write to ${serviceAddress} with
    确认完成 ${orderNo}
(or "confirm order ${orderNo}"). If you are not satisfied, write
    reject delivery ${orderNo} REASON
and the provider gets your reason and goes on working.

<#if autoConfirmAfter gt 0>Without an answer within ${autoConfirmAfter} days, the order is confirmed automatically on ${deadline}.
</#if>You get a reminder after ${remindAfter} working days without an answer.
<#import "_sign.ftl" as sign><@sign.buyer/>
