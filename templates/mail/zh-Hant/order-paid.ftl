Subject: 訂單 ${orderNo} 已支付，狀態：處理中

${buyerEmail}，您好：

您的訂單已支付成功，當前狀態：${msg("zh-Hant", "state.order-buyer." + status)}。服務商會聯絡您確認需求。

訂單號：${orderNo}
商品：${productName}（${productId}）
金額：${price}
服務商：${companyName}

如需把需求寫給服務商（可選，可多次提交，可附檔案），請發郵件到 ${serviceAddress}，正文寫：
    提交需求單 ${orderNo}
    （在這一行下面寫您的需求，並附上相關檔案）

服務商應在支付後 ${startWithin} 天內（${deadline} 前）開始實施；逾期未開始，訂單將自動取消並退款。
隨時可以傳送「查詢訂單 ${orderNo}」檢視訂單狀態。
<#import "_sign.ftl" as sign><@sign.buyer/>
