Subject: [Withdrawn] Revision of product ${productId} (review #${reviewId})

Hello,

The provider (account ID ${accountId}, ${provider}) delisted product ${productId} (${name}),
so its revision in review (review #${reviewId}) is withdrawn and needs no answer.
If the provider lists it again, a new review mail will follow.
<#import "_sign.ftl" as sign><@sign.plain/>
