Subject: Order ${orderNo}: a requirement form from the buyer

Hello ${companyName},
(provider account ID: ${accountId})

The buyer ${buyerEmail} sent a requirement form for order ${orderNo}:

<#if text?has_content>${text}<#else>(no text, attachments only)</#if>

<#if attachments?has_content>Attachments (${attachments?size}, attached to this mail and kept with the order; send "order ${orderNo}" to list them):
<#list attachments as a>· ${a.filename} (${a.size}<#if !a.stored>, over the size limit, not kept</#if>)
</#list><#else>No attachments.
</#if>
Order: ${orderNo}
Product: ${productName} (${productId})
Amount: ${price}
Buyer: ${buyerEmail}
Status: ${msg("en", "state.order." + status)} (the buyer sees: ${msg("en", "state.order-buyer." + status)})

<#import "_sign.ftl" as sign><@sign.provider/>
