Subject: 訂單 ${orderNo} 驗收不通過，請繼續實施

${companyName}，您好：
（服務商帳號 ID：${accountId}）

買家 ${buyerEmail} 對訂單 ${orderNo} 驗收不通過（第 ${rejections} 次），訂單已退回「實施中」。買家的理由：

${reason}

訂單號：${orderNo}
商品：${productName}（${productId}）
金額：${price}
買家：${buyerEmail}
當前狀態：${msg("zh-Hant", "state.order." + status)}（買家看到：${msg("zh-Hant", "state.order-buyer." + status)}）

處理好後請再次傳送「已完成 ${orderNo}」。<#if rejections gte 3>驗收不通過已滿 3 次，買家可以申訴，由運營人員裁決。</#if>
<#import "_sign.ftl" as sign><@sign.provider/>
