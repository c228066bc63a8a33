Subject: 【待審核彙總】${date}：${open} 項待審核，${overdue} 項逾期

您好：

截至 ${date}，共有 ${open} 項審核等待處理，其中 ${overdue} 項已逾期（逾期的排在前面）。

<#list items as i>
${i.number()}. #${i.id()}<#if i.overdue()> 【逾期】</#if> ${i.title()}
    類型 ${i.kindLabel()}，對象 ${i.subject()}，申請人 ${i.requester()}，期限 ${i.due()}
    <#if i.changes()?has_content>變更：${i.changes()}；</#if>已等 ${i.waited()}

</#list>
按編號處理：直接回覆本郵件，每行一條（編號指本列表中的項目，可寫多行）：
    通過 1-6,9
    駁回 7 理由
如何答覆：回覆對應的審核郵件寫「同意」或「拒絕 理由」；或另發郵件寫「審核 編號 同意」「審核 編號 拒絕 理由」；
傳送「待審核」可隨時檢視最新列表。
<#import "_sign.ftl" as sign><@sign.short/>
