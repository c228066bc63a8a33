Subject: 订单 ${orderNo} 已取消（未支付）

${companyName}，您好：
（服务商账号 ID：${accountId}）

待支付的订单 ${orderNo} 已取消，无需处理。

订单号：${orderNo}
商品：${productName}（${productId}）
金额：${price}
买家：${buyerEmail}
当前状态：${msg("zh", "state.order." + status)}（买家看到：${msg("zh", "state.order-buyer." + status)}）

<#import "_sign.ftl" as sign><@sign.provider/>
