Subject: 订单 ${orderNo} 已<#if auto>自动</#if>确认完成

${companyName}，您好：
（服务商账号 ID：${accountId}）

<#if auto>买家在您标记完成后 ${autoConfirmAfter} 天内未确认，订单已自动确认完成。<#else>买家 ${buyerEmail} 已确认完成订单 ${orderNo}。</#if>订单状态：已完成（买家看到：分配完成）。

订单号：${orderNo}
商品：${productName}（${productId}）
金额：${price}
买家：${buyerEmail}
当前状态：${msg("zh", "state.order." + status)}（买家看到：${msg("zh", "state.order-buyer." + status)}）

<#import "_sign.ftl" as sign><@sign.provider/>
