<#if role == "operator">
· history account ACCOUNT_ID: every change of that provider's account, oldest first. Example:
    history account 100012345678
<#else>
· history account: every change of your account, oldest first. Example:
    history account
</#if>
