Subject: Order ${orderNo} cancelled with a refund: the provider did not start in time

Hello ${buyerEmail},

The provider ${companyName} did not start within ${startWithin} days of payment, so the order was cancelled
and flagged for a refund to you. Status: ${msg("en", "state.order-buyer." + status)}.

Order: ${orderNo}
Product: ${productName} (${productId})
Amount: ${price}
Provider: ${companyName}

The marketplace refunds the payment to the original payment method. We are sorry for the trouble.
<#import "_sign.ftl" as sign><@sign.buyer/>
