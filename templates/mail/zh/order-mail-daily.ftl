Subject: 订单通知汇总 ${date}（${items?size} 封）

${address}，您好：

按您的设置（订单通知：每日），以下是自上次汇总以来的 ${items?size} 封订单通知，按时间先后排列。
<#list items as i>

【${i.number}】${i.subject}

${i.body}
</#list>
--
marketdesk 云市场（邮件服务）· ${serviceAddress}
本邮件由系统自动发送。
