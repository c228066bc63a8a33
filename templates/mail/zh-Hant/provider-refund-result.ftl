Subject: 訂單 ${orderNo} 的退款已裁決：<#if outcome == "rejected">不退款<#else>退款 ${amount}</#if>

您好（帳號 ID：${accountId}）：

營運人員對買家 ${buyerEmail} 在訂單 ${orderNo} 的退款申請（${amount}）作出裁決：<#if outcome == "rejected">不退款。<#else>退款給買家。</#if>
<#if note?has_content>營運人員說明：${note}
</#if>
訂單現在是「${msg("zh-Hant", "state.order." + after)}」；累計已退 ${refunded}（訂單金額 ${price}）。<#if !full>請繼續處理訂單。</#if>
<#import "_sign.ftl" as sign><@sign.provider/>
