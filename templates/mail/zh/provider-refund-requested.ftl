Subject: 订单 ${orderNo} 买家申请退款 ${amount}，请在 ${due} 前答复

您好（账号 ID：${accountId}）：

买家 ${buyerEmail} 申请订单 ${orderNo} 退款 ${amount}（订单金额 ${price}，此前已退 ${refunded}）。订单已冻结为“${msg("zh", "state.order.refunding")}”。买家的理由：

${reason}

请在 ${answerWithin} 个工作日内（${due} 前）直接回复本邮件，写一行：
    同意退款
或
    拒绝退款 理由
拒绝或到期未答复时，由运营人员裁决。

订单号：${orderNo}
商品：${productName}（${productId}）
冻结前的状态：${msg("zh", "state.order." + before)}
<#import "_sign.ftl" as sign><@sign.provider/>
