Subject: 订单 ${orderNo} 已支付，状态：处理中

${buyerEmail}，您好：

您的订单已支付成功，当前状态：${msg("zh", "state.order-buyer." + status)}。服务商会联系您确认需求。

订单号：${orderNo}
商品：${productName}（${productId}）
金额：${price}
服务商：${companyName}

如需把需求写给服务商（可选，可多次提交，可附文件），请发邮件到 ${serviceAddress}，正文写：
    提交需求单 ${orderNo}
    （在这一行下面写您的需求，并附上相关文件）

服务商应在支付后 ${startWithin} 天内（${deadline} 前）开始实施；逾期未开始，订单将自动取消并退款。
随时可以发送“查询订单 ${orderNo}”查看订单状态。
<#import "_sign.ftl" as sign><@sign.buyer/>
