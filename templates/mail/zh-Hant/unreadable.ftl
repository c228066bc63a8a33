Subject: ${replySubject}

${name}，您好：

您的郵件<#if subject?has_content>「${subject}」</#if>沒有被處理：<#switch reason><#case "too-many-header-fields">郵件頭的欄位太多（上限 ${limits.headerFields} 個）。<#break><#case "header-too-long">郵件頭中有一項太長（上限 ${limits.headerKb} KB），常見原因是收件人太多或主題太長。<#break><#case "line-too-long">郵件中有一行太長（上限 ${limits.lineKb} KB），常見原因是主題太長、收件人太多或某個郵件頭太長。<#break><#case "too-many-parts">郵件的分段或附件太多，或巢狀太深（上限 ${limits.parts} 個）。<#break><#case "no-header">沒有找到郵件頭。<#break><#default>郵件的格式無法讀取。</#switch>

郵件已儲存，其中的命令沒有執行。請精簡後重新發送：只含命令的純文字郵件最可靠，收件人只寫本郵箱。
<#import "_sign.ftl" as sign><@sign.reply/>
