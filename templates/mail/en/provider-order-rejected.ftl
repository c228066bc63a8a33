Subject: Order ${orderNo}: the buyer rejected the delivery

Hello ${companyName},
(provider account ID: ${accountId})

The buyer ${buyerEmail} rejected the delivery of order ${orderNo} (rejection ${rejections}); the order is back to
implementing. The buyer's reason:

${reason}

Order: ${orderNo}
Product: ${productName} (${productId})
Amount: ${price}
Buyer: ${buyerEmail}
Status: ${msg("en", "state.order." + status)} (the buyer sees: ${msg("en", "state.order-buyer." + status)})

When it is fixed, send "done ${orderNo}" again.<#if rejections gte 3> After 3 rejections the buyer may appeal and operators decide.</#if>
<#import "_sign.ftl" as sign><@sign.provider/>
