Subject: 订单 ${orderNo} 已完成，状态：分配完成

${buyerEmail}，您好：

<#if auto>订单在服务商标记完成后 ${autoConfirmAfter} 天内未确认，已自动确认完成。<#else>您的订单已完成。</#if>订单状态：${msg("zh", "state.order-buyer." + status)}。

订单号：${orderNo}
商品：${productName}（${productId}）
金额：${price}
服务商：${companyName}

感谢您的购买。发送“查询订单 ${orderNo}”可随时查看订单。
<#import "_sign.ftl" as sign><@sign.buyer/>
