Subject: 【已撤回】審核 #${reviewId}：${title}

您好：

服務商 ${provider}<#if accountId?has_content>（帳號 ID ${accountId}）</#if>已於 ${when} 撤回審核 #${reviewId}（${title}），
不需要再處理。撤回人：${by}。
對這封審核郵件的答覆不會再改變任何內容。
<#import "_sign.ftl" as sign><@sign.plain/>
