Subject: 【待审核 #${review.id()}】${title}

您好：

有一项新的审核（#${review.id()}）需要处理：${title}
申请人：${requesterName} <${requester}>
审核期限：${due}（工作日计算，逾期会排在待审核列表最前面）
<#if replacedId gt 0>
此申请取代了同一对象之前未处理的审核 #${replacedId}，那一项已不需要处理。
</#if>

变更内容（原值 → 新值）：
<#list lines?filter(c -> !c.context()) as c>
· ${c.label()}：${c.before()?has_content?then(c.before(), "（空）")} → ${c.after()?has_content?then(c.after(), "（空）")}
</#list>
<#if lines?filter(c -> c.context())?has_content>

相关信息：
<#list lines?filter(c -> c.context()) as c>
· ${c.label()}：${c.after()?has_content?then(c.after(), "（未写）")}
</#list>
</#if>

如何答复：直接回复本邮件，正文第一行写
    同意
或
    拒绝 理由（必须写明理由，会转告申请人）
也可以不回复，另发邮件写“审核 ${review.id()} 同意”或“审核 ${review.id()} 拒绝 理由”。
第一个答复生效；之后的答复会被告知已由谁处理。
<#import "_sign.ftl" as sign><@sign.short/>
