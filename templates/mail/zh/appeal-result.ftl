Subject: 您对订单 ${review.subject()} 的申诉：${approved?then("已同意，订单取消并退款", "未同意，订单继续处理")}

${requesterName}，您好：

<#if approved>
运营人员同意了您对订单 ${review.subject()} 的申诉：订单已取消，货款将退还给您。
<#else>
运营人员没有同意您对订单 ${review.subject()} 的申诉：订单恢复为“${msg("zh", "state.order-buyer.implementing")}”，服务商继续处理。
</#if>
<#if review.decisionNote()?has_content>
运营人员说明：${review.decisionNote()}
</#if>
<#if !approved>
服务商完成后您会收到邮件，届时回复“确认完成 ${review.subject()}”或“验收不通过 ${review.subject()} 理由”。
</#if>
<#import "_sign.ftl" as sign><@sign.buyer/>
