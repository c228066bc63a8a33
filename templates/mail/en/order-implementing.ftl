Subject: Order ${orderNo}: the provider has started (in progress)

Hello ${buyerEmail},

The provider ${companyName} has started work on your order; its status: ${msg("en", "state.order-buyer." + status)}.

Order: ${orderNo}
Product: ${productName} (${productId})
Amount: ${price}
Provider: ${companyName}

You can still add requirements: write to ${serviceAddress} with "requirements ${orderNo}" and your requirements
below it, files attached.
<#import "_sign.ftl" as sign><@sign.buyer/>
