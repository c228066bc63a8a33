Subject: 订单 ${orderNo} 价格已调整为 ${newPrice}

您好：

您在云市场购买的订单 ${orderNo}（商品 ${productId}<#if productName?has_content> ${productName}</#if>）价格已由服务商申请、经云市场审核调整：
    原价：${oldPrice}
    新价格：${newPrice}（原价的 ${percent}%）

如何付款：请登录云市场控制台，在“订单管理”中找到订单 ${orderNo}，按新价格 ${newPrice} 完成支付。
订单仍为“待支付”，未付款前不会开始服务。查询订单状态：发送邮件到 ${serviceAddress}，正文写
    查询订单 ${orderNo}
<#import "_sign.ftl" as sign><@sign.buyer/>
