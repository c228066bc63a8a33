Subject: 订单 ${orderNo} 服务商已开始实施，状态：处理中

${buyerEmail}，您好：

服务商 ${companyName} 已开始为您实施服务，订单状态：${msg("zh", "state.order-buyer." + status)}。

订单号：${orderNo}
商品：${productName}（${productId}）
金额：${price}
服务商：${companyName}

实施期间仍可补充需求：发邮件到 ${serviceAddress}，正文写“提交需求单 ${orderNo}”，下面写需求并附上文件。
<#import "_sign.ftl" as sign><@sign.buyer/>
