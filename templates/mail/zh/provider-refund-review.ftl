Subject: 订单 ${orderNo} 的退款申请未答复，已交运营人员裁决

您好（账号 ID：${accountId}）：

您未在 ${answerWithin} 个工作日内答复买家 ${buyerEmail} 对订单 ${orderNo} 的退款申请（${amount}），现由运营人员裁决（审核 #${reviewId}）。订单仍为“${msg("zh", "state.order.refunding")}”。如需说明情况，请联系运营人员。
<#import "_sign.ftl" as sign><@sign.provider/>
