Subject: Order ${orderNo}: new price ${newPrice}

Hello,

The price of your marketplace order ${orderNo} (product ${productId}<#if productName?has_content> ${productName}</#if>) was lowered at the provider's request and approved by the marketplace:
    before: ${oldPrice}
    new price: ${newPrice} (${percent}% of the old price)

How to pay: open the order ${orderNo} in the marketplace console (Orders) and pay the new price, ${newPrice}.
The order stays awaiting payment until you pay; the service starts after payment. To see the order's status,
mail ${serviceAddress} with the line
    status ${orderNo}
<#import "_sign.ftl" as sign><@sign.buyer/>
