Subject: 【審核結果 #${review.id()}】${title}：${approved?then("已通過", "已駁回")}

${requesterName}，您好：
<#if accountId?has_content>
（服務商帳號 ID：${accountId}）
</#if>

您提交的申請「${title}」（審核 #${review.id()}）${approved?then("已通過", "已駁回")}。
<#if approved>
<#if review.kind() == "product">
商品 ${review.subject()} 已上架，買家現在看到的是這個版本：
${webBaseUrl}/products/${review.subject()}
<#elseif review.kind() == "account">
帳戶資訊已改為：
<#list lines as c>
· ${c.label()}：${c.after()}
</#list>
</#if>
<#if review.decisionNote()?has_content>
運營人員備註：${review.decisionNote()}
</#if>
<#else>
駁回理由：${review.decisionNote()}
<#if review.kind() == "product">
下一步：按理由修改後傳送「修改商品 ${review.subject()}」，在下面寫要改的欄位，重新提交審核。
<#elseif review.kind() == "account">
下一步：按理由修改後傳送「修改帳戶資訊」，在下面寫要改的欄位，重新提交審核。
<#elseif review.kind() == "price">
下一步：訂單價格沒有改變；如仍需改價，請按理由重新發送改價申請。
</#if>
</#if>
<#if note?has_content>
${note}
</#if>
<#import "_sign.ftl" as sign><@sign.provider/>
