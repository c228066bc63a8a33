Subject: Order ${orderNo}: the provider took back its last step (${msg("en", "state.order-buyer." + status)})

Hello ${buyerEmail},

<#if status == "implementing">
The provider ${companyName} took back "done": the work is still going on and there is nothing to confirm
yet; the request to confirm in the last mail no longer applies. You will get a new mail when it is done.
<#else>
The provider ${companyName} took back "started": the order is paid and waits for the provider to start;
you will get a mail when it starts.
</#if>
Status: ${msg("en", "state.order-buyer." + status)}.

Order: ${orderNo}
Product: ${productName} (${productId})
Amount: ${price}
Provider: ${companyName}
<#import "_sign.ftl" as sign><@sign.buyer/>
