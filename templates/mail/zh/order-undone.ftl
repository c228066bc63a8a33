Subject: 订单 ${orderNo} 服务商撤销了刚才的操作，状态：${msg("zh", "state.order-buyer." + status)}

${buyerEmail}，您好：

<#if status == "implementing">
服务商 ${companyName} 撤销了刚才的“已完成”：服务仍在实施中，现在还不需要确认完成，
上一封邮件里的确认请求已作废。服务商实施完成后，您会再收到确认的邮件。
<#else>
服务商 ${companyName} 撤销了刚才的“开始实施”：订单已支付，等待服务商开始实施，
开始时您会再收到邮件。
</#if>
订单状态：${msg("zh", "state.order-buyer." + status)}。

订单号：${orderNo}
商品：${productName}（${productId}）
金额：${price}
服务商：${companyName}
<#import "_sign.ftl" as sign><@sign.buyer/>
