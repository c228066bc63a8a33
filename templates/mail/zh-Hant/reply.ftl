Subject: ${subject}

${name}，您好：
<#if accountId??>
（服務商帳號 ID：${accountId}）
</#if>

<#list notices as n>
${n}

</#list>
<#if items?has_content>
您的郵件共有 ${items?size} 條命令，處理結果如下：

<#list items as i>
【${i.number}】${i.line}
<#if i.awaiting>◎ 等您確認<#elseif i.review>⧗ 已提交審核<#elseif i.done>✔ 完成<#else>✘ 未執行</#if>
${i.message}
<#if i.example?has_content>
正確寫法示例：
${i.example}
</#if>

</#list>
</#if>
<#if help?has_content && nearest>
沒有讀懂「${unrecognized}」。您是不是想用下面的命令？複製到新郵件中，填好後傳送：

${help}

<#elseif help?has_content>
<#if unrecognized?has_content>
沒有讀懂這封郵件中的命令：「${unrecognized}」。以下是您可以使用的命令。

<#else>
這封郵件中沒有命令。以下是您可以使用的命令。

</#if>
${help}

</#if>
<#import "_sign.ftl" as sign><@sign.reply/>
