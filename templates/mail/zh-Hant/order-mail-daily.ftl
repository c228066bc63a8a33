Subject: 訂單通知彙整 ${date}（${items?size} 封）

${address}，您好：

依您的設定（訂單通知：每日），以下是自上次彙整以來的 ${items?size} 封訂單通知，依時間先後排列。
<#list items as i>

【${i.number}】${i.subject}

${i.body}
</#list>
<#import "_sign.ftl" as sign><@sign.buyer/>
