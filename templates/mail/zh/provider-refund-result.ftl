Subject: 订单 ${orderNo} 的退款已裁决：<#if outcome == "rejected">不退款<#else>退款 ${amount}</#if>

您好（账号 ID：${accountId}）：

运营人员对买家 ${buyerEmail} 在订单 ${orderNo} 的退款申请（${amount}）作出裁决：<#if outcome == "rejected">不退款。<#else>退款给买家。</#if>
<#if note?has_content>运营人员说明：${note}
</#if>
订单现在是“${msg("zh", "state.order." + after)}”；累计已退 ${refunded}（订单金额 ${price}）。<#if !full>请继续处理订单。</#if>
<#import "_sign.ftl" as sign><@sign.provider/>
