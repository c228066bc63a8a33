Subject: 订单 ${orderNo} 已取消并退款：服务商未按时开始实施

${buyerEmail}，您好：

服务商 ${companyName} 在支付后 ${startWithin} 天内没有开始实施，订单已自动取消，并已标记为退款给您。订单状态：${msg("zh", "state.order-buyer." + status)}。

订单号：${orderNo}
商品：${productName}（${productId}）
金额：${price}
服务商：${companyName}

退款由云市场按原支付方式办理。给您带来不便，非常抱歉。
<#import "_sign.ftl" as sign><@sign.buyer/>
