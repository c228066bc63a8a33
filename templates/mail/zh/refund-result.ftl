Subject: 订单 ${orderNo} 的退款申请：<#if outcome == "rejected">未同意<#else>已退款 ${amount}</#if>

您好：

<#if outcome == "accepted">服务商同意了您对订单 ${orderNo} 的退款申请，${amount} 将退还给您。<#elseif outcome == "approved">运营人员同意了您对订单 ${orderNo} 的退款申请，${amount} 将退还给您。<#else>运营人员没有同意您对订单 ${orderNo} 的退款申请，本次不退款。</#if>
<#if note?has_content>运营人员说明：${note}
</#if>
订单现在是“${msg("zh", "state.order-buyer." + after)}”；累计已退 ${refunded}（订单金额 ${price}）。<#if !full>订单继续处理。</#if>

发送“查询订单 ${orderNo}”可随时查看订单。
<#import "_sign.ftl" as sign><@sign.buyer/>
