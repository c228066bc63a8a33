Subject: Order ${orderNo} is <#if auto>automatically </#if>confirmed

Hello ${companyName},
(provider account ID: ${accountId})

<#if auto>The buyer did not answer within ${autoConfirmAfter} days of your "done", so the order was confirmed automatically.<#else>The buyer ${buyerEmail} confirmed order ${orderNo}.</#if> Status: completed.

Order: ${orderNo}
Product: ${productName} (${productId})
Amount: ${price}
Buyer: ${buyerEmail}
Status: ${msg("en", "state.order." + status)} (the buyer sees: ${msg("en", "state.order-buyer." + status)})

<#import "_sign.ftl" as sign><@sign.provider/>
