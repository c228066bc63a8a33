Subject: 訂單 ${orderNo} 買家申請退款 ${amount}，請在 ${due} 前答覆

您好（帳號 ID：${accountId}）：

買家 ${buyerEmail} 申請訂單 ${orderNo} 退款 ${amount}（訂單金額 ${price}，先前已退 ${refunded}）。訂單已凍結為「${msg("zh-Hant", "state.order.refunding")}」。買家的理由：

${reason}

請在 ${answerWithin} 個工作天內（${due} 前）直接回覆本郵件，寫一行：
    同意退款
或
    拒絕退款 理由
拒絕或到期未答覆時，由營運人員裁決。

訂單號：${orderNo}
商品：${productName}（${productId}）
凍結前的狀態：${msg("zh-Hant", "state.order." + before)}
<#import "_sign.ftl" as sign><@sign.provider/>
