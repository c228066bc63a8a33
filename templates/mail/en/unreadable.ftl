Subject: ${replySubject}

Hello ${name},

Your mail<#if subject?has_content> "${subject}"</#if> was not processed: <#switch reason><#case "too-many-header-fields">its header has too many fields (the limit is ${limits.headerFields}).<#break><#case "header-too-long">one of its header fields is too long (the limit is ${limits.headerKb} KB); too many recipients or a very long subject are the usual cause.<#break><#case "line-too-long">one of its lines is too long (the limit is ${limits.lineKb} KB); a very long subject, too many recipients or a long header field are the usual cause.<#break><#case "too-many-parts">it has too many parts or attachments, or they are nested too deeply (the limit is ${limits.parts}).<#break><#case "no-header">it has no mail header.<#break><#default>its format could not be read.</#switch>

The mail has been kept; none of its commands were run. Please send a shorter mail: plain text with only the commands, addressed to this mailbox alone, works best.
<#import "_sign.ftl" as sign><@sign.reply/>
