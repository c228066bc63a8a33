· 幫助 [命令]：檢視命令說明。例：
    幫助 <#if role == "buyer">查詢訂單<#elseif role == "operator">審核<#else>新建商品</#if>
