Subject: Your address is not registered

Hello,

Your address is not registered with the marketplace as a provider, an operator or the buyer of an
order, so this mail was not acted on. Providers: write from the address registered as your login
account (your sign-in address); to register, ask the marketplace's operators.

(This address gets this notice at most once a day.)
<#import "_sign.ftl" as sign><@sign.short/>
