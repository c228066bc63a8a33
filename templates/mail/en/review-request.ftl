Subject: [Review #${review.id()}] ${title}

Hello,

A new review (#${review.id()}) is waiting: ${title}
Asked by: ${requesterName} <${requester}>
Due: ${due} (working days; overdue reviews come first in the pending list)
<#if replacedId gt 0>
This request replaces the earlier open review #${replacedId} of the same thing; that one needs no answer.
</#if>

What changes (old -> new):
<#list lines?filter(c -> !c.context()) as c>
- ${c.label()}: ${c.before()?has_content?then(c.before(), "(empty)")} -> ${c.after()?has_content?then(c.after(), "(empty)")}
</#list>
<#if lines?filter(c -> c.context())?has_content>

What it is about:
<#list lines?filter(c -> c.context()) as c>
- ${c.label()}: ${c.after()?has_content?then(c.after(), "(none given)")}
</#list>
</#if>

How to answer: reply to this mail with, on the first line,
    approve
or
    reject REASON   (a reason is required; the asker is told)
Or, without replying, send "review ${review.id()} approve" or "review ${review.id()} reject REASON".
The first answer decides; later answers are told who decided.
<#import "_sign.ftl" as sign><@sign.short/>
