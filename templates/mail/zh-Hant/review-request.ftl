Subject: 【待審核 #${review.id()}】${title}

您好：

有一項新的審核（#${review.id()}）需要處理：${title}
申請人：${requesterName} <${requester}>
審核期限：${due}（工作日計算，逾期會排在待審核列表最前面）
<#if replacedId gt 0>
此申請取代了同一物件之前未處理的審核 #${replacedId}，那一項已不需要處理。
</#if>

變更內容（原值 → 新值）：
<#list lines?filter(c -> !c.context()) as c>
· ${c.label()}：${c.before()?has_content?then(c.before(), "（空）")} → ${c.after()?has_content?then(c.after(), "（空）")}
</#list>
<#if lines?filter(c -> c.context())?has_content>

相關資訊：
<#list lines?filter(c -> c.context()) as c>
· ${c.label()}：${c.after()?has_content?then(c.after(), "（未寫）")}
</#list>
</#if>

如何答覆：直接回覆本郵件，正文第一行寫
    同意
或
    拒絕 理由（必須寫明理由，會轉告申請人）
也可以不回覆，另發郵件寫「審核 ${review.id()} 同意」或「審核 ${review.id()} 拒絕 理由」。
第一個答覆生效；之後的答覆會被告知已由誰處理。
<#import "_sign.ftl" as sign><@sign.short/>
