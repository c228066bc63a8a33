Subject: 新訂單已支付：${orderNo}

${companyName}，您好：
（服務商帳號 ID：${accountId}）

買家已支付訂單。<#if status == "completed">該商品不是運維服務，訂單支付後即已完成。<#else>請聯絡買家確認需求，然後開始實施。</#if>

訂單號：${orderNo}
商品：${productName}（${productId}）
金額：${price}
買家：${buyerEmail}
當前狀態：${msg("zh-Hant", "state.order." + status)}（買家看到：${msg("zh-Hant", "state.order-buyer." + status)}）

<#if status != "completed">買家聯絡方式：${buyerEmail}
開始實施：發郵件到 ${serviceAddress}，正文寫
    開始實施 ${orderNo}
（系統會請您確認）。請在支付後 ${startWithin} 天內（${deadline} 前）開始實施，逾期訂單將自動取消並退款給買家，之前會提醒您。
檢視訂單和需求單：訂單詳情 ${orderNo}
</#if><#import "_sign.ftl" as sign><@sign.provider/>
