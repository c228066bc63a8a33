Subject: 回复暂缓：一小时内回复已达 ${perHour} 封

您好：

一小时内发给您的回复已达上限（${perHour} 封），之后的回复暂缓发送，不会丢失。
从 ${resumeAt}（${zone}）起，暂缓的回复会按您来信的顺序陆续发出。
您来信中的命令已照常执行，不必重发。

本通知一小时内只发一次。
<#import "_sign.ftl" as sign><@sign.short/>
