Subject: 訂單 ${orderNo} 價格已調整為 ${newPrice}

您好：

您在雲市場購買的訂單 ${orderNo}（商品 ${productId}<#if productName?has_content> ${productName}</#if>）價格已由服務商申請、經雲市場審核調整：
    原價：${oldPrice}
    新價格：${newPrice}（原價的 ${percent}%）

如何付款：請登入雲市場控制檯，在「訂單管理」中找到訂單 ${orderNo}，按新價格 ${newPrice} 完成支付。
訂單仍為「待支付」，未付款前不會開始服務。查詢訂單狀態：傳送郵件到 ${serviceAddress}，正文寫
    查詢訂單 ${orderNo}
<#import "_sign.ftl" as sign><@sign.buyer/>
