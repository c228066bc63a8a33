Subject: 提醒：请确认完成订单 ${orderNo}

${buyerEmail}，您好：

<#if auto>服务商已完成实施 ${remindAfter} 个工作日，您还没有确认。<#else>服务商 ${companyName} 提醒您：服务已完成，请确认。</#if>
订单状态：${msg("zh", "state.order-buyer." + status)}（待您确认完成）。

订单号：${orderNo}
商品：${productName}（${productId}）
金额：${price}
服务商：${companyName}

请回复本邮件，正文写
    确认完成 ${orderNo}
如不满意，写“验收不通过 ${orderNo} 理由”。
<#if autoConfirmAfter gt 0>如一直未确认，订单将于 ${deadline} 自动确认完成（完成后 ${autoConfirmAfter} 天）。
</#if><#import "_sign.ftl" as sign><@sign.buyer/>
