Subject: 提醒：訂單 ${orderNo} 請在 ${deadline} 前開始實施

${companyName}，您好：
（服務商帳號 ID：${accountId}）

訂單 ${orderNo} 已支付，但還沒有開始實施。支付後 ${startWithin} 天內（${deadline} 前）未開始實施的訂單將自動取消並退款給買家。

訂單號：${orderNo}
商品：${productName}（${productId}）
金額：${price}
買家：${buyerEmail}
當前狀態：${msg("zh-Hant", "state.order." + status)}（買家看到：${msg("zh-Hant", "state.order-buyer." + status)}）

買家聯絡方式：${buyerEmail}
開始實施：發郵件到 ${serviceAddress}，正文寫
    開始實施 ${orderNo} 確定
<#import "_sign.ftl" as sign><@sign.provider/>
