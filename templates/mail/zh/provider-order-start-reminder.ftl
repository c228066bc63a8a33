Subject: 提醒：订单 ${orderNo} 请在 ${deadline} 前开始实施

${companyName}，您好：
（服务商账号 ID：${accountId}）

订单 ${orderNo} 已支付，但还没有开始实施。支付后 ${startWithin} 天内（${deadline} 前）未开始实施的订单将自动取消并退款给买家。

订单号：${orderNo}
商品：${productName}（${productId}）
金额：${price}
买家：${buyerEmail}
当前状态：${msg("zh", "state.order." + status)}（买家看到：${msg("zh", "state.order-buyer." + status)}）

买家联系方式：${buyerEmail}
开始实施：发邮件到 ${serviceAddress}，正文写
    开始实施 ${orderNo} 确定
<#import "_sign.ftl" as sign><@sign.provider/>
