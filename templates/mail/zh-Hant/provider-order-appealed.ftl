Subject: 訂單 ${orderNo} 買家申訴，訂單已凍結

${companyName}，您好：
（服務商帳號 ID：${accountId}）

買家 ${buyerEmail} 對訂單 ${orderNo} 提出申訴，訂單已凍結（申訴中），由運營人員裁決（審核 #${reviewId}）：
維持原訂單繼續，或取消訂單並退款給買家。凍結期間不能開始實施、標記完成或催促確認。申訴理由：

${reason}

訂單號：${orderNo}
商品：${productName}（${productId}）
金額：${price}
買家：${buyerEmail}
當前狀態：${msg("zh-Hant", "state.order." + status)}（買家看到：${msg("zh-Hant", "state.order-buyer." + status)}）

如需說明情況，請回覆本郵件或聯絡運營人員。
<#import "_sign.ftl" as sign><@sign.provider/>
