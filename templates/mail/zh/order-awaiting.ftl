Subject: 订单 ${orderNo} 服务商已完成实施，请确认完成

${buyerEmail}，您好：

服务商 ${companyName} 已完成实施，请您确认。订单状态：${msg("zh", "state.order-buyer." + status)}（待您确认完成）。

订单号：${orderNo}
商品：${productName}（${productId}）
金额：${price}
服务商：${companyName}

如何确认：直接回复本邮件，或发邮件到 ${serviceAddress}，正文写
    确认完成 ${orderNo}
如不满意，正文写
    验收不通过 ${orderNo} 理由
服务商会收到理由并继续处理。

<#if autoConfirmAfter gt 0>如 ${autoConfirmAfter} 天内未确认也未提出异议，订单将于 ${deadline} 自动确认完成。
</#if>${remindAfter} 个工作日内未确认的，您会收到一次提醒。
<#import "_sign.ftl" as sign><@sign.buyer/>
