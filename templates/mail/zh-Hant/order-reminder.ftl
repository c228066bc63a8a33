Subject: 提醒：請確認完成訂單 ${orderNo}

${buyerEmail}，您好：

<#if auto>服務商已完成實施 ${remindAfter} 個工作日，您還沒有確認。<#else>服務商 ${companyName} 提醒您：服務已完成，請確認。</#if>
訂單狀態：${msg("zh-Hant", "state.order-buyer." + status)}（待您確認完成）。

訂單號：${orderNo}
商品：${productName}（${productId}）
金額：${price}
服務商：${companyName}

請回覆本郵件，正文寫
    確認完成 ${orderNo}
如不滿意，寫「驗收不通過 ${orderNo} 理由」。
<#if autoConfirmAfter gt 0>如一直未確認，訂單將於 ${deadline} 自動確認完成（完成後 ${autoConfirmAfter} 天）。
</#if><#import "_sign.ftl" as sign><@sign.buyer/>
