Subject: Order ${orderNo}: the appeal is decided (<#if refund>cancelled with a refund<#else>resumed</#if>)

Hello ${companyName},
(provider account ID: ${accountId})

Operators decided the buyer's appeal on order ${orderNo}:
<#if refund>the appeal is upheld; the order is cancelled and flagged for a refund to the buyer.<#else>the appeal is dismissed; the order resumes as ${msg("en", "state.order." + resumed)}. Please go on.</#if>
<#if reason?has_content>Operator's note: ${reason}
</#if>
Order: ${orderNo}
Product: ${productName} (${productId})
Amount: ${price}
Buyer: ${buyerEmail}
Status: ${msg("en", "state.order." + status)} (the buyer sees: ${msg("en", "state.order-buyer." + status)})

<#import "_sign.ftl" as sign><@sign.provider/>
