Subject: 您的邮箱尚未在云市场登记 / Your address is not registered

您好：

您的发件邮箱没有登记为云市场服务商、运营人员或订单用户，因此这封邮件没有被处理。
如果您是服务商，请使用您在云市场登记的邮箱（登录账号）发送；如需登记，请联系云市场运营人员。

Your address is not registered with the marketplace as a provider, an operator or the buyer of an
order, so this mail was not acted on. Providers: write from the address registered as your login
account.

（24 小时内不会再回复此地址。This address gets this notice at most once a day.）
<#import "_sign.ftl" as sign><@sign.short/>
