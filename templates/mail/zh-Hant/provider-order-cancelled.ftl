Subject: 訂單 ${orderNo} 已取消（未支付）

${companyName}，您好：
（服務商帳號 ID：${accountId}）

待支付的訂單 ${orderNo} 已取消，無需處理。

訂單號：${orderNo}
商品：${productName}（${productId}）
金額：${price}
買家：${buyerEmail}
當前狀態：${msg("zh-Hant", "state.order." + status)}（買家看到：${msg("zh-Hant", "state.order-buyer." + status)}）

<#import "_sign.ftl" as sign><@sign.provider/>
