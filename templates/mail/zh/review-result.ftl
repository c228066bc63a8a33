Subject: 【审核结果 #${review.id()}】${review.titleZh()}（${approved?then("已通过","已驳回")}）

您好：
<#if accountId?has_content>
（服务商账号 ID：${accountId}）
</#if>

您提交的申请“${review.titleZh()}”（审核 #${review.id()}）${approved?then("已通过", "未通过")}。
<#if !approved>
驳回理由：${review.decisionNote()}
您可以修改后重新提交。
<#elseif review.decisionNote()?has_content>
运营人员备注：${review.decisionNote()}
</#if>
<#if note?has_content>
${note}
</#if>
--
marketdesk · ${serviceAddress}
