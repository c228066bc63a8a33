<#-- The signatures of the mails (imported as "sign" by every mail template of this language). -->
<#macro buyer>
--
marketdesk 雲市場（郵件服務）· ${serviceAddress}
本郵件由系統自動傳送。
</#macro>
<#macro provider>
--
marketdesk 雲市場服務商後臺（郵件版）· ${serviceAddress}
本郵件由系統自動傳送。
</#macro>
<#macro reply>
--
<#if role == "buyer">marketdesk 雲市場（郵件服務）<#else>marketdesk 雲市場服務商後臺（郵件版）</#if>
本郵件由系統自動回覆。傳送「幫助」可檢視全部命令。
</#macro>
<#macro short address=serviceAddress>
--
marketdesk · ${address}
</#macro>
<#macro plain>
--
marketdesk
</#macro>
