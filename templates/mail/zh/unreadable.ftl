Subject: ${replySubject}

${name}，您好：

您的邮件<#if subject?has_content>“${subject}”</#if>没有被处理：<#switch reason><#case "too-many-header-fields">邮件头的字段太多（上限 ${limits.headerFields} 个）。<#break><#case "header-too-long">邮件头中有一项太长（上限 ${limits.headerKb} KB），常见原因是收件人太多或主题太长。<#break><#case "line-too-long">邮件中有一行太长（上限 ${limits.lineKb} KB），常见原因是主题太长、收件人太多或某个邮件头太长。<#break><#case "too-many-parts">邮件的分段或附件太多，或嵌套太深（上限 ${limits.parts} 个）。<#break><#case "no-header">没有找到邮件头。<#break><#default>邮件的格式无法读取。</#switch>

邮件已保存，其中的命令没有执行。请精简后重新发送：只含命令的纯文本邮件最可靠，收件人只写本邮箱。
<#import "_sign.ftl" as sign><@sign.reply/>
