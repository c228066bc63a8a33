Subject: (part of the reply)

Confirmed. The commands on hold came to this:
<#list items as i>
- ${i.line}
  <#if i.done>OK, done<#else>X not done</#if>: ${i.message}
<#if i.example?has_content>
  A correct example: ${i.example}
</#if>
</#list>
<#if !items?has_content>
That mail had no command waiting for a confirmation.
</#if>
