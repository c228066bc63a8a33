Subject: 訂單 ${orderNo} 申訴已裁決：<#if refund>訂單取消並退款<#else>訂單恢復</#if>

${companyName}，您好：
（服務商帳號 ID：${accountId}）

運營人員已裁決買家對訂單 ${orderNo} 的申訴：
<#if refund>申訴成立，訂單已取消，並標記為退款給買家。<#else>申訴不成立，訂單恢復為「${msg("zh-Hant", "state.order." + resumed)}」，請繼續處理。</#if>
<#if reason?has_content>運營人員說明：${reason}
</#if>
訂單號：${orderNo}
商品：${productName}（${productId}）
金額：${price}
買家：${buyerEmail}
當前狀態：${msg("zh-Hant", "state.order." + status)}（買家看到：${msg("zh-Hant", "state.order-buyer." + status)}）

<#import "_sign.ftl" as sign><@sign.provider/>
