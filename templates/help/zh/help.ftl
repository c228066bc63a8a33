· 帮助 [命令]：查看命令说明。例：
    帮助 <#if role == "buyer">查询订单<#elseif role == "operator">审核<#else>新建商品</#if>
