Subject: 【待審核彙總】${date}：${open} 項待審核，${overdue} 項逾期

您好：

截至 ${date}，共有 ${open} 項審核等待處理，其中 ${overdue} 項已逾期（逾期的排在前面）。
(Daily digest: ${open} open review<#if open != 1>s</#if>, ${overdue} overdue, overdue first.)

<#list items as i>
#${i.id()}<#if i.overdue()> 【逾期 OVERDUE】</#if> ${i.titleZh()}
    型別 ${i.kindZh()}，物件 ${i.subject()}，申請人 ${i.requester()}，期限 ${i.due()}
    (${i.titleEn()}; due ${i.due()})

</#list>
如何答覆：回覆對應的審核郵件寫「同意」或「拒絕 理由」；或另發郵件寫「審核 編號 同意」「審核 編號 拒絕 理由」；
傳送「待審核」可隨時檢視最新列表。
(Answer: reply to the review mail with approve / reject REASON, or send "review ID approve". Send "pending" for the list.)
--
marketdesk · ${serviceAddress}
