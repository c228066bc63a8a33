Subject: Order notices of ${date} (${items?size})

Hello ${address},

As you asked (order mail: daily), here are the ${items?size} order notices since your last summary, oldest first.
<#list items as i>

[${i.number}] ${i.subject}

${i.body}
</#list>
--
marketdesk cloud marketplace · ${serviceAddress}
This mail was sent automatically.
