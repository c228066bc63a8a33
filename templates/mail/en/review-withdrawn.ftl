Subject: [Withdrawn] Review #${reviewId}: ${title}

Hello,

The provider ${provider}<#if accountId?has_content> (account ID ${accountId})</#if> withdrew review #${reviewId} (${title})
at ${when}; it needs no answer. Withdrawn by: ${by}.
An answer to that review mail no longer changes anything.
<#import "_sign.ftl" as sign><@sign.plain/>
