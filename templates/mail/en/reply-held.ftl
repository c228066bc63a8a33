Subject: Replies held: ${perHour} replies within the hour reached

Hello,

You have had the most replies an address gets in one hour (${perHour}), so the next replies are
held, not lost. From ${resumeAt} (${zone}) on they go out in the order your mails came in.
The commands in your mails have been carried out as usual: there is no need to send them again.

You get this notice at most once an hour.
<#import "_sign.ftl" as sign><@sign.short/>
