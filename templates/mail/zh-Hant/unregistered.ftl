Subject: 您的郵箱尚未在雲市場登記 / Your address is not registered

您好：

您的發件郵箱沒有登記為雲市場服務商、運營人員或訂單使用者，因此這封郵件沒有被處理。
如果您是服務商，請使用您在雲市場登記的郵箱（登入帳號）傳送；如需登記，請聯絡雲市場運營人員。

Your address is not registered with the marketplace as a provider, an operator or the buyer of an
order, so this mail was not acted on. Providers: write from the address registered as your login
account.

（24 小時內不會再回復此地址。This address gets this notice at most once a day.）
<#import "_sign.ftl" as sign><@sign.short/>
