Subject: 訂單 ${orderNo} 已取消並退款：未在 ${startWithin} 天內開始實施

${companyName}，您好：
（服務商帳號 ID：${accountId}）

訂單 ${orderNo} 在支付後 ${startWithin} 天內沒有開始實施，已自動取消，並標記為退款給買家。買家已收到通知。

訂單號：${orderNo}
商品：${productName}（${productId}）
金額：${price}
買家：${buyerEmail}
當前狀態：${msg("zh-Hant", "state.order." + status)}（買家看到：${msg("zh-Hant", "state.order-buyer." + status)}）

<#import "_sign.ftl" as sign><@sign.provider/>
