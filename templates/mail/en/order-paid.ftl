Subject: Order ${orderNo} is paid: in progress

Hello ${buyerEmail},

Your order is paid; its status is now: ${msg("en", "state.order-buyer." + status)}. The provider will contact you about your requirements.

Order: ${orderNo}
Product: ${productName} (${productId})
Amount: ${price}
Provider: ${companyName}

To send the provider your requirements (optional; as many times as you like; files may be attached), write to
${serviceAddress} with this in the body:
    requirements ${orderNo}
    (your requirements below this line, files attached)

The provider must start within ${startWithin} days of payment (before ${deadline}); otherwise the order is
cancelled with a refund. Send "status ${orderNo}" at any time to see the order.
<#import "_sign.ftl" as sign><@sign.buyer/>
