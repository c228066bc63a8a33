Subject: Order ${orderNo} is completed

Hello ${buyerEmail},

<#if auto>The order was not confirmed within ${autoConfirmAfter} days of being marked done, so it was confirmed automatically.<#else>Your order is complete.</#if> Status: ${msg("en", "state.order-buyer." + status)}.

Order: ${orderNo}
Product: ${productName} (${productId})
Amount: ${price}
Provider: ${companyName}

Thank you. Send "status ${orderNo}" at any time to see the order.
<#import "_sign.ftl" as sign><@sign.buyer/>
