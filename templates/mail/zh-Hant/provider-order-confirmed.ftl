Subject: 訂單 ${orderNo} 已<#if auto>自動</#if>確認完成

${companyName}，您好：
（服務商帳號 ID：${accountId}）

<#if auto>買家在您標記完成後 ${autoConfirmAfter} 天內未確認，訂單已自動確認完成。<#else>買家 ${buyerEmail} 已確認完成訂單 ${orderNo}。</#if>訂單狀態：已完成（買家看到：分配完成）。

訂單號：${orderNo}
商品：${productName}（${productId}）
金額：${price}
買家：${buyerEmail}
當前狀態：${msg("zh-Hant", "state.order." + status)}（買家看到：${msg("zh-Hant", "state.order-buyer." + status)}）

<#import "_sign.ftl" as sign><@sign.provider/>
