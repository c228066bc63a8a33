<#-- The signatures of the mails (imported as "sign" by every mail template of this language). -->
<#macro buyer>
--
marketdesk 云市场（邮件服务）· ${serviceAddress}
本邮件由系统自动发送。
</#macro>
<#macro provider>
--
marketdesk 云市场服务商后台（邮件版）· ${serviceAddress}
本邮件由系统自动发送。
</#macro>
<#macro reply>
--
<#if role == "buyer">marketdesk 云市场（邮件服务）<#else>marketdesk 云市场服务商后台（邮件版）</#if>
本邮件由系统自动回复。发送“帮助”可查看全部命令。
</#macro>
<#macro short address=serviceAddress>
--
marketdesk · ${address}
</#macro>
<#macro plain>
--
marketdesk
</#macro>
