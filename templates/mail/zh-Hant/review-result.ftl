Subject: 【審核結果 #${review.id()}】${review.titleZh()}（${approved?then("已通過","已駁回")}）

您好：
<#if accountId?has_content>
（服務商帳號 ID：${accountId}）
</#if>

您提交的申請“${review.titleZh()}”（審核 #${review.id()}）${approved?then("已通過", "未通過")}。
<#if !approved>
駁回理由：${review.decisionNote()}
您可以修改後重新提交。
<#elseif review.decisionNote()?has_content>
運營人員備註：${review.decisionNote()}
</#if>
<#if note?has_content>
${note}
</#if>
--
marketdesk · ${serviceAddress}
