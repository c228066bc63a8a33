Subject: 订单 ${orderNo} 申诉已裁决：<#if refund>订单取消并退款<#else>订单恢复</#if>

${companyName}，您好：
（服务商账号 ID：${accountId}）

运营人员已裁决买家对订单 ${orderNo} 的申诉：
<#if refund>申诉成立，订单已取消，并标记为退款给买家。<#else>申诉不成立，订单恢复为“${msg("zh", "state.order." + resumed)}”，请继续处理。</#if>
<#if reason?has_content>运营人员说明：${reason}
</#if>
订单号：${orderNo}
商品：${productName}（${productId}）
金额：${price}
买家：${buyerEmail}
当前状态：${msg("zh", "state.order." + status)}（买家看到：${msg("zh", "state.order-buyer." + status)}）

<#import "_sign.ftl" as sign><@sign.provider/>
