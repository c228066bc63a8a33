Subject: 【待审核汇总】${date}：${open} 项待审核，${overdue} 项逾期

您好：

截至 ${date}，共有 ${open} 项审核等待处理，其中 ${overdue} 项已逾期（逾期的排在前面）。

<#list items as i>
${i.number()}. #${i.id()}<#if i.overdue()> 【逾期】</#if> ${i.title()}
    类型 ${i.kindLabel()}，对象 ${i.subject()}，申请人 ${i.requester()}，期限 ${i.due()}
    <#if i.changes()?has_content>改动：${i.changes()}；</#if>已等 ${i.waited()}

</#list>
按编号处理：直接回复本邮件，每行一条（编号指本列表中的项，可写多行）：
    通过 1-6,9
    驳回 7 理由
如何答复：回复对应的审核邮件写“同意”或“拒绝 理由”；或另发邮件写“审核 编号 同意”“审核 编号 拒绝 理由”；
发送“待审核”可随时查看最新列表。
<#import "_sign.ftl" as sign><@sign.short/>
