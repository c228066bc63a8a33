· help [command]: the commands, or one command's template. Example:
    help <#if role == "buyer">status<#elseif role == "operator">review<#else>product new</#if>
