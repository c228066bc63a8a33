Subject: 【已撤回】商品 ${productId} 的修改申请（审核 #${reviewId}）

您好：

服务商（账号 ID ${accountId}，${provider}）已下架商品 ${productId}（${name}），
该商品正在审核的修改申请（审核 #${reviewId}）已随之撤回，不需要再处理。
如果之后服务商重新上架，会另有一封审核邮件。
<#import "_sign.ftl" as sign><@sign.plain/>
