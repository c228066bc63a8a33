Subject: Order ${orderNo} new price ${newPrice} / 订单 ${orderNo} 价格已调整为 ${newPrice} 元

Hello,

The price of your marketplace order ${orderNo} (product ${productId}<#if productName?has_content> ${productName}</#if>) was lowered at the provider's request and approved by the marketplace:
    before: ${oldPrice} CNY
    new price: ${newPrice} CNY (${percent}% of the old price)

How to pay: open the order ${orderNo} in the marketplace console (Orders) and pay the new price, ${newPrice} CNY.
The order stays unpaid until you pay; the service starts after payment. To see the order's status,
mail ${serviceAddress} with the line
    status ${orderNo}

您好，您的订单 ${orderNo} 价格已由服务商申请、经云市场审核调整：${oldPrice} 元 → ${newPrice} 元。
请登录云市场控制台，在“订单管理”中找到该订单，按新价格完成支付。查询订单：发邮件到 ${serviceAddress}，正文写“查询订单 ${orderNo}”。
--
marketdesk · ${serviceAddress}
