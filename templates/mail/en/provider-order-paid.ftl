Subject: New paid order: ${orderNo}

Hello ${companyName},
(provider account ID: ${accountId})

The buyer has paid the order. <#if status == "completed">The product is not an ops service, so the order completed on payment.<#else>Please agree the requirements with the buyer, then start.</#if>

Order: ${orderNo}
Product: ${productName} (${productId})
Amount: ${price}
Buyer: ${buyerEmail}
Status: ${msg("en", "state.order." + status)} (the buyer sees: ${msg("en", "state.order-buyer." + status)})

<#if status != "completed">Buyer contact: ${buyerEmail}
To start, write to ${serviceAddress} with
    start ${orderNo}
(you will be asked to confirm). Start within ${startWithin} days of payment (before ${deadline}); otherwise the order
is cancelled with a refund to the buyer; you are reminded before.
The order and its requirement forms: order ${orderNo}
</#if><#import "_sign.ftl" as sign><@sign.provider/>
