<#-- The signatures of the mails (imported as "sign" by every mail template of this language). -->
<#macro buyer>
--
marketdesk cloud marketplace · ${serviceAddress}
This mail was sent automatically.
</#macro>
<#macro provider>
--
marketdesk cloud marketplace back office · ${serviceAddress}
This mail was sent automatically.
</#macro>
<#macro reply>
--
<#if role == "buyer">marketdesk, the marketplace by mail<#else>marketdesk, the marketplace back office by mail</#if>
This is an automatic reply. Send "help" for every command.
</#macro>
<#macro short address=serviceAddress>
--
marketdesk · ${address}
</#macro>
<#macro plain>
--
marketdesk
</#macro>
