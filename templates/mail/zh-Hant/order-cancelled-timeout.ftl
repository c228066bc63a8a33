Subject: 訂單 ${orderNo} 已取消並退款：服務商未按時開始實施

${buyerEmail}，您好：

服務商 ${companyName} 在支付後 ${startWithin} 天內沒有開始實施，訂單已自動取消，並已標記為退款給您。訂單狀態：${msg("zh-Hant", "state.order-buyer." + status)}。

訂單號：${orderNo}
商品：${productName}（${productId}）
金額：${price}
服務商：${companyName}

退款由雲市場按原支付方式辦理。給您帶來不便，非常抱歉。
<#import "_sign.ftl" as sign><@sign.buyer/>
