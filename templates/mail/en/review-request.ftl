Subject: [Review #${review.id()}] ${review.titleEn()}

Hello,

A new review (#${review.id()}) is waiting: ${review.titleEn()}
Asked by: ${requesterName} <${requester}>
Due: ${due} (working days; overdue reviews come first in the pending list)
<#if replacedId gt 0>
This request replaces the earlier open review #${replacedId} of the same thing; that one needs no answer.
</#if>

What changes (old -> new):
<#list review.changes()?filter(c -> !c.context()) as c>
- ${c.labelEn()}: ${c.beforeInEnglish()?has_content?then(c.beforeInEnglish(), "(empty)")} -> ${c.afterInEnglish()?has_content?then(c.afterInEnglish(), "(empty)")}
</#list>
<#if review.changes()?filter(c -> c.context())?has_content>

What it is about:
<#list review.changes()?filter(c -> c.context()) as c>
- ${c.labelEn()}: ${c.afterInEnglish()?has_content?then(c.afterInEnglish(), "(none given)")}
</#list>
</#if>

How to answer: reply to this mail with, on the first line,
    approve
or
    reject REASON   (a reason is required; the asker is told)
Or, without replying, send "review ${review.id()} approve" or "review ${review.id()} reject REASON".
The first answer decides; later answers are told who decided.
--
marketdesk · ${serviceAddress}
