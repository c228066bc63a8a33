Subject: 订单 ${orderNo} 验收不通过，请继续实施

${companyName}，您好：
（服务商账号 ID：${accountId}）

买家 ${buyerEmail} 对订单 ${orderNo} 验收不通过（第 ${rejections} 次），订单已退回“实施中”。买家的理由：

${reason}

订单号：${orderNo}
商品：${productName}（${productId}）
金额：${price}
买家：${buyerEmail}
当前状态：${msg("zh", "state.order." + status)}（买家看到：${msg("zh", "state.order-buyer." + status)}）

处理好后请再次发送“已完成 ${orderNo}”。<#if rejections gte 3>验收不通过已满 3 次，买家可以申诉，由运营人员裁决。</#if>
<#import "_sign.ftl" as sign><@sign.provider/>
