Subject: (part of the reply)

已確認，暫緩的命令執行結果如下：
<#list items as i>
· ${i.line}
  <#if i.done>✔ 完成<#else>✘ 未執行</#if>：${i.message}
<#if i.example?has_content>
  正確寫法示例：${i.example}
</#if>
</#list>
<#if !items?has_content>
那封郵件中沒有需要確認的命令。
</#if>
