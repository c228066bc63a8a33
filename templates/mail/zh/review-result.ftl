Subject: 【审核结果 #${review.id()}】${title}：${approved?then("已通过", "已驳回")}

${requesterName}，您好：
<#if accountId?has_content>
（服务商账号 ID：${accountId}）
</#if>

您提交的申请“${title}”（审核 #${review.id()}）${approved?then("已通过", "已驳回")}。
<#if approved>
<#if review.kind() == "product">
商品 ${review.subject()} 已上架，买家现在看到的是这个版本：
${webBaseUrl}/products/${review.subject()}
<#elseif review.kind() == "account">
账户信息已改为：
<#list lines as c>
· ${c.label()}：${c.after()}
</#list>
</#if>
<#if review.decisionNote()?has_content>
运营人员备注：${review.decisionNote()}
</#if>
<#else>
驳回理由：${review.decisionNote()}
<#if review.kind() == "product">
下一步：按理由修改后发送“修改商品 ${review.subject()}”，在下面写要改的字段，重新提交审核。
<#elseif review.kind() == "account">
下一步：按理由修改后发送“修改账户信息”，在下面写要改的字段，重新提交审核。
<#elseif review.kind() == "price">
下一步：订单价格没有改变；如仍需改价，请按理由重新发送改价申请。
</#if>
</#if>
<#if note?has_content>
${note}
</#if>
<#import "_sign.ftl" as sign><@sign.provider/>
