Subject: 订单 ${orderNo} 买家申诉，订单已冻结

${companyName}，您好：
（服务商账号 ID：${accountId}）

买家 ${buyerEmail} 对订单 ${orderNo} 提出申诉，订单已冻结（申诉中），由运营人员裁决（审核 #${reviewId}）：
维持原订单继续，或取消订单并退款给买家。冻结期间不能开始实施、标记完成或催促确认。申诉理由：

${reason}

订单号：${orderNo}
商品：${productName}（${productId}）
金额：${price}
买家：${buyerEmail}
当前状态：${msg("zh", "state.order." + status)}（买家看到：${msg("zh", "state.order-buyer." + status)}）

如需说明情况，请回复本邮件或联系运营人员。
<#import "_sign.ftl" as sign><@sign.provider/>
