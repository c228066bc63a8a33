Subject: 您已加入 ${companyName} 的帳號（${accountId}），角色：${msg("zh-Hant", "team-role." + role)}

${address}，您好：

${addedBy} 把您加入了服務商 ${companyName}（帳號 ID ${accountId}）在 marketdesk 雲市場的團隊。
您的角色：${msg("zh-Hant", "team-role." + role)}——${msg("zh-Hant", "team-role." + role + ".what")}。

從現在起，您從這個地址寄到 ${serviceAddress} 的郵件代表本帳號。您可以使用的指令（複製到新郵件即可）：

${help}

檢視團隊：成員 列表。需要其他角色，請聯絡帳號的管理員。
<#import "_sign.ftl" as sign><@sign.buyer/>
