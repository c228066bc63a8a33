Subject: Order ${orderNo} was cancelled (unpaid)

Hello ${companyName},
(provider account ID: ${accountId})

The unpaid order ${orderNo} was cancelled; nothing to do.

Order: ${orderNo}
Product: ${productName} (${productId})
Amount: ${price}
Buyer: ${buyerEmail}
Status: ${msg("en", "state.order." + status)} (the buyer sees: ${msg("en", "state.order-buyer." + status)})

<#import "_sign.ftl" as sign><@sign.provider/>
