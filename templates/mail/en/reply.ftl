Subject: ${subject}

Hello ${name},
<#if accountId??>
(provider account ID: ${accountId})
</#if>

<#list notices as n>
${n}

</#list>
<#if items?has_content>
Your mail had ${items?size} command<#if items?size != 1>s</#if>. Here is what became of each:

<#list items as i>
[${i.number}] ${i.line}
<#if i.awaiting>? waiting for your confirmation<#elseif i.review>~ sent for review<#elseif i.done>OK, done<#else>X refused</#if>
${i.message}
<#if i.example?has_content>
A correct example:
${i.example}
</#if>

</#list>
</#if>
<#if help?has_content && nearest>
I could not read "${unrecognized}". Did you mean one of these? Copy it into a new mail, fill it in and send it:

${help}

<#elseif help?has_content>
<#if unrecognized?has_content>
I could not read a command in your mail ("${unrecognized}"). Here are the commands you can use.

<#else>
There was no command in your mail. Here are the commands you can use.

</#if>
${help}

</#if>
<#import "_sign.ftl" as sign><@sign.reply/>
