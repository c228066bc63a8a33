Subject: [Review overdue #${review.review().id()}] ${review.title()}, was due ${review.due()}

Hello,

Review #${review.review().id()} (${review.title()}) is overdue: it was due ${review.due()} and nobody has decided it.
Asked by ${review.requester()}, waiting ${waited}
<#if changes?has_content>Changes: ${changes}
</#if>

This mail comes every day until it is decided. Reply to this mail with "approve" or "reject REASON" to decide it.
<#import "_sign.ftl" as sign><@sign.short review.serviceAddress()/>
