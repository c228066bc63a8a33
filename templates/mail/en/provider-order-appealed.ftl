Subject: Order ${orderNo}: the buyer appealed; the order is frozen

Hello ${companyName},
(provider account ID: ${accountId})

The buyer ${buyerEmail} appealed order ${orderNo}. The order is frozen (disputed) until operators decide
(review #${reviewId}): resume it, or cancel it with a refund to the buyer. While frozen it cannot be started,
marked done or reminded. The buyer's reason:

${reason}

Order: ${orderNo}
Product: ${productName} (${productId})
Amount: ${price}
Buyer: ${buyerEmail}
Status: ${msg("en", "state.order." + status)} (the buyer sees: ${msg("en", "state.order-buyer." + status)})

To explain your side, reply to this mail or contact the operators.
<#import "_sign.ftl" as sign><@sign.provider/>
