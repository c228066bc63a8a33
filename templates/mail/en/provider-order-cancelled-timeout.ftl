Subject: Order ${orderNo} cancelled with a refund: not started within ${startWithin} days

Hello ${companyName},
(provider account ID: ${accountId})

Order ${orderNo} was not started within ${startWithin} days of payment, so it was cancelled and flagged for a
refund to the buyer. The buyer was told.

Order: ${orderNo}
Product: ${productName} (${productId})
Amount: ${price}
Buyer: ${buyerEmail}
Status: ${msg("en", "state.order." + status)} (the buyer sees: ${msg("en", "state.order-buyer." + status)})

<#import "_sign.ftl" as sign><@sign.provider/>
