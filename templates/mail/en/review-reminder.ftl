Subject: [Review reminder #${review.review().id()}] ${review.title()}, due ${review.due()}

Hello,

80 % of the time for review #${review.review().id()} (${review.title()}) has passed; it is due ${review.due()}.
Asked by ${review.requester()}, waiting ${waited}
<#if changes?has_content>Changes: ${changes}
</#if>

Reply to this mail with "approve" or "reject REASON" to decide it.
<#import "_sign.ftl" as sign><@sign.short review.serviceAddress()/>
