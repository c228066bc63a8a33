Subject: 订单通知汇总 ${date}（${items?size} 封）

${address}，您好：

按您的设置（订单通知：每日），以下是自上次汇总以来的 ${items?size} 封订单通知，按时间先后排列。
<#list items as i>

【${i.number}】${i.subject}

${i.body}
</#list>
<#import "_sign.ftl" as sign><@sign.buyer/>
