Subject: Order notices of ${date} (${items?size})

Hello ${address},

As you asked (order mail: daily), here are the ${items?size} order notices since your last summary, oldest first.
<#list items as i>

[${i.number}] ${i.subject}

${i.body}
</#list>
<#import "_sign.ftl" as sign><@sign.buyer/>
