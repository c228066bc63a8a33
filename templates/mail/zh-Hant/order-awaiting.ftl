Subject: 訂單 ${orderNo} 服務商已完成實施，請確認完成

${buyerEmail}，您好：

服務商 ${companyName} 已完成實施，請您確認。訂單狀態：${msg("zh-Hant", "state.order-buyer." + status)}（待您確認完成）。

訂單號：${orderNo}
商品：${productName}（${productId}）
金額：${price}
服務商：${companyName}

如何確認：直接回覆本郵件，或發郵件到 ${serviceAddress}，正文寫
    確認完成 ${orderNo}
如不滿意，正文寫
    驗收不通過 ${orderNo} 理由
服務商會收到理由並繼續處理。

<#if autoConfirmAfter gt 0>如 ${autoConfirmAfter} 天內未確認也未提出異議，訂單將於 ${deadline} 自動確認完成。
</#if>${remindAfter} 個工作日內未確認的，您會收到一次提醒。
<#import "_sign.ftl" as sign><@sign.buyer/>
