Subject: Reminder: start order ${orderNo} before ${deadline}

Hello ${companyName},
(provider account ID: ${accountId})

Order ${orderNo} is paid but not started. Orders not started within ${startWithin} days of payment (before ${deadline})
are cancelled with a refund to the buyer.

Order: ${orderNo}
Product: ${productName} (${productId})
Amount: ${price}
Buyer: ${buyerEmail}
Status: ${msg("en", "state.order." + status)} (the buyer sees: ${msg("en", "state.order-buyer." + status)})

Buyer contact: ${buyerEmail}
To start, write to ${serviceAddress} with
    start ${orderNo} confirm
<#import "_sign.ftl" as sign><@sign.provider/>
