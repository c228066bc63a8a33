Subject: 訂單 ${orderNo} 收到買家需求單

${companyName}，您好：
（服務商帳號 ID：${accountId}）

買家 ${buyerEmail} 為訂單 ${orderNo} 提交了需求單：

<#if text?has_content>${text}<#else>（沒有文字，只有附件）</#if>

<#if attachments?has_content>附件（${attachments?size} 個，隨本郵件附上，也儲存在訂單中，傳送「訂單詳情 ${orderNo}」可檢視列表）：
<#list attachments as a>· ${a.filename}（${a.size}<#if !a.stored>，超過大小上限，未儲存</#if>）
</#list><#else>沒有附件。
</#if>
訂單號：${orderNo}
商品：${productName}（${productId}）
金額：${price}
買家：${buyerEmail}
當前狀態：${msg("zh-Hant", "state.order." + status)}（買家看到：${msg("zh-Hant", "state.order-buyer." + status)}）

<#import "_sign.ftl" as sign><@sign.provider/>
