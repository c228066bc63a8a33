Subject: 订单 ${orderNo} 已取消并退款：未在 ${startWithin} 天内开始实施

${companyName}，您好：
（服务商账号 ID：${accountId}）

订单 ${orderNo} 在支付后 ${startWithin} 天内没有开始实施，已自动取消，并标记为退款给买家。买家已收到通知。

订单号：${orderNo}
商品：${productName}（${productId}）
金额：${price}
买家：${buyerEmail}
当前状态：${msg("zh", "state.order." + status)}（买家看到：${msg("zh", "state.order-buyer." + status)}）

<#import "_sign.ftl" as sign><@sign.provider/>
