Subject: 【已撤回】商品 ${productId} 的修改申請（審核 #${reviewId}）

您好：

服務商（帳號 ID ${accountId}，${provider}）已下架商品 ${productId}（${name}），
該商品正在審核的修改申請（審核 #${reviewId}）已隨之撤回，不需要再處理。
如果之後服務商重新上架，會另有一封審核郵件。
<#import "_sign.ftl" as sign><@sign.plain/>
