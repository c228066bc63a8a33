Subject: 您对订单 ${orderNo} 的退款申请已交运营人员裁决

您好：

<#if outcome == "silent">服务商未在 ${answerWithin} 个工作日内答复您对订单 ${orderNo} 的退款申请（${amount}）<#else>服务商拒绝了您对订单 ${orderNo} 的退款申请（${amount}）。服务商的理由：

${declineReason}

</#if>现在由运营人员裁决（审核 #${reviewId}），订单仍为“${msg("zh", "state.order-buyer.refunding")}”。结果会邮件告诉您。

发送“查询订单 ${orderNo}”可随时查看订单。
<#import "_sign.ftl" as sign><@sign.buyer/>
