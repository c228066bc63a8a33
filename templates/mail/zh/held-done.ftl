Subject: (part of the reply)

已确认，暂缓的命令执行结果如下：
<#list items as i>
· ${i.line}
  <#if i.done>✔ 已完成<#else>✘ 未执行</#if>：${i.message}
<#if i.example?has_content>
  正确写法示例：${i.example}
</#if>
</#list>
<#if !items?has_content>
那封邮件中没有需要确认的命令。
</#if>
