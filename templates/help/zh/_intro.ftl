<#if role == "provider">您是服务商。<#elseif role == "operator">您是运营人员。<#elseif role == "buyer">您是订单用户。</#if>把命令写在邮件正文里（每条命令一行，字段写在命令下面，格式“字段: 值”），发到 ${serviceAddress}。
一封邮件可以写多条命令；也可以只写在主题里。中英文命令都可以用，全角半角都可以。
