Subject: [Review digest] ${date}: ${open} open, ${overdue} overdue

Hello,

On ${date}, ${open} review<#if open != 1>s are<#else> is</#if> waiting, ${overdue} of them overdue (overdue first).

<#list items as i>
#${i.id()}<#if i.overdue()> [OVERDUE]</#if> ${i.titleEn()}
    kind ${i.kind()}, subject ${i.subject()}, asked by ${i.requester()}, due ${i.due()}

</#list>
To answer: reply to the review mail with "approve" or "reject REASON", or send "review ID approve" /
"review ID reject REASON". Send "pending" for the current list.
--
marketdesk · ${serviceAddress}
