Subject: ${subject}

${name}，您好：
<#if accountId??>
（服务商账号 ID：${accountId}）
</#if>

<#list notices as n>
${n}

</#list>
<#if items?has_content>
您的邮件共有 ${items?size} 条命令，处理结果如下：

<#list items as i>
【${i.number}】${i.line}
<#if i.awaiting>◎ 等您确认<#elseif i.review>⧗ 已提交审核<#elseif i.done>✔ 完成<#else>✘ 未执行</#if>
${i.message}
<#if i.example?has_content>
正确写法示例：
${i.example}
</#if>

</#list>
</#if>
<#if help?has_content && nearest>
没有读懂“${unrecognized}”。您是不是想用下面的命令？复制到新邮件中，填好后发送：

${help}

<#elseif help?has_content>
<#if unrecognized?has_content>
没有读懂这封邮件中的命令：“${unrecognized}”。以下是您可以使用的命令。

<#else>
这封邮件中没有命令。以下是您可以使用的命令。

</#if>
${help}

</#if>
<#import "_sign.ftl" as sign><@sign.reply/>
