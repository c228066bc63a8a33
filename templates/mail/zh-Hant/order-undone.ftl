Subject: 訂單 ${orderNo} 服務商撤銷了剛才的操作，狀態：${msg("zh-Hant", "state.order-buyer." + status)}

${buyerEmail}，您好：

<#if status == "implementing">
服務商 ${companyName} 撤銷了剛才的「已完成」：服務仍在實施中，現在還不需要確認完成，
上一封郵件裡的確認請求已作廢。服務商實施完成後，您會再收到確認的郵件。
<#else>
服務商 ${companyName} 撤銷了剛才的「開始實施」：訂單已支付，等待服務商開始實施，
開始時您會再收到郵件。
</#if>
訂單狀態：${msg("zh-Hant", "state.order-buyer." + status)}。

訂單號：${orderNo}
商品：${productName}（${productId}）
金額：${price}
服務商：${companyName}
<#import "_sign.ftl" as sign><@sign.buyer/>
