Subject: 【已撤回】审核 #${reviewId}：${title}

您好：

服务商 ${provider}<#if accountId?has_content>（账号 ID ${accountId}）</#if>已于 ${when} 撤回审核 #${reviewId}（${title}），
不需要再处理。撤回人：${by}。
对这封审核邮件的答复不会再改变任何内容。
<#import "_sign.ftl" as sign><@sign.plain/>
