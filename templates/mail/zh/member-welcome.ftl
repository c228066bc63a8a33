Subject: 您已加入 ${companyName} 的账号（${accountId}），角色：${msg("zh", "team-role." + role)}

${address}，您好：

${addedBy} 把您加入了服务商 ${companyName}（账号 ID ${accountId}）在 marketdesk 云市场的团队。
您的角色：${msg("zh", "team-role." + role)}——${msg("zh", "team-role." + role + ".what")}。

从现在起，您从这个地址发到 ${serviceAddress} 的邮件代表本账号。您可以使用的命令（复制到新邮件即可）：

${help}

查看团队：成员 列表。需要其他角色，请联系账号的管理员。
<#import "_sign.ftl" as sign><@sign.buyer/>
