Subject: 回覆暫緩：一小時內回覆已達 ${perHour} 封

您好：

一小時內發給您的回覆已達上限（${perHour} 封），之後的回覆暫緩傳送，不會丟失。
從 ${resumeAt}（${zone}）起，暫緩的回覆會按您來信的順序陸續發出。
您來信中的命令已照常執行，不必重發。

本通知一小時內只發一次。
<#import "_sign.ftl" as sign><@sign.short/>
