Subject: 訂單 ${orderNo} 服務商已開始實施，狀態：處理中

${buyerEmail}，您好：

服務商 ${companyName} 已開始為您實施服務，訂單狀態：${msg("zh-Hant", "state.order-buyer." + status)}。

訂單號：${orderNo}
商品：${productName}（${productId}）
金額：${price}
服務商：${companyName}

實施期間仍可補充需求：發郵件到 ${serviceAddress}，正文寫「提交需求單 ${orderNo}」，下面寫需求並附上檔案。
<#import "_sign.ftl" as sign><@sign.buyer/>
