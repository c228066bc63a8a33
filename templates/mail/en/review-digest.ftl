Subject: [Review digest] ${date}: ${open} open, ${overdue} overdue

Hello,

On ${date}, ${open} review<#if open != 1>s are<#else> is</#if> waiting, ${overdue} of them overdue (overdue first).

<#list items as i>
${i.number()}. #${i.id()}<#if i.overdue()> [OVERDUE]</#if> ${i.title()}
    kind ${i.kindLabel()}, subject ${i.subject()}, asked by ${i.requester()}, due ${i.due()}
    <#if i.changes()?has_content>changes: ${i.changes()}; </#if>waiting ${i.waited()}

</#list>
To decide by number, reply to this mail, one line each (numbers as in this list; several lines allowed):
    approve 1-6,9
    reject 7 REASON
Or: reply to the review mail with "approve" or "reject REASON", or send "review ID approve" /
"review ID reject REASON". Send "pending" for the current list.
<#import "_sign.ftl" as sign><@sign.short/>
