<#if role == "provider">You are a provider. <#elseif role == "operator">You are an operator. <#elseif role == "buyer">You are a buyer. </#if>Write commands in the body of a mail to ${serviceAddress}, one per line, with their fields below them as "field: value" lines.
One mail may carry several commands, or one command in its subject. Chinese and English keywords both work.
