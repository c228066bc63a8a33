Subject: 訂單 ${orderNo} 的退款申請：<#if outcome == "rejected">未同意<#else>已退款 ${amount}</#if>

您好：

<#if outcome == "accepted">服務商同意了您對訂單 ${orderNo} 的退款申請，${amount} 將退還給您。<#elseif outcome == "approved">營運人員同意了您對訂單 ${orderNo} 的退款申請，${amount} 將退還給您。<#else>營運人員沒有同意您對訂單 ${orderNo} 的退款申請，本次不退款。</#if>
<#if note?has_content>營運人員說明：${note}
</#if>
訂單現在是「${msg("zh-Hant", "state.order-buyer." + after)}」；累計已退 ${refunded}（訂單金額 ${price}）。<#if !full>訂單繼續處理。</#if>

傳送「查詢訂單 ${orderNo}」可隨時檢視訂單。
<#import "_sign.ftl" as sign><@sign.buyer/>
