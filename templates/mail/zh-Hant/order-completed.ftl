Subject: 訂單 ${orderNo} 已完成，狀態：分配完成

${buyerEmail}，您好：

<#if auto>訂單在服務商標記完成後 ${autoConfirmAfter} 天內未確認，已自動確認完成。<#else>您的訂單已完成。</#if>訂單狀態：${msg("zh-Hant", "state.order-buyer." + status)}。

訂單號：${orderNo}
商品：${productName}（${productId}）
金額：${price}
服務商：${companyName}

感謝您的購買。傳送「查詢訂單 ${orderNo}」可隨時檢視訂單。
<#import "_sign.ftl" as sign><@sign.buyer/>
