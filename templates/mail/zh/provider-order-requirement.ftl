Subject: 订单 ${orderNo} 收到买家需求单

${companyName}，您好：
（服务商账号 ID：${accountId}）

买家 ${buyerEmail} 为订单 ${orderNo} 提交了需求单：

<#if text?has_content>${text}<#else>（没有文字，只有附件）</#if>

<#if attachments?has_content>附件（${attachments?size} 个，随本邮件附上，也保存在订单中，发送“订单详情 ${orderNo}”可查看列表）：
<#list attachments as a>· ${a.filename}（${a.size}<#if !a.stored>，超过大小上限，未保存</#if>）
</#list><#else>没有附件。
</#if>
订单号：${orderNo}
商品：${productName}（${productId}）
金额：${price}
买家：${buyerEmail}
当前状态：${msg("zh", "state.order." + status)}（买家看到：${msg("zh", "state.order-buyer." + status)}）

<#import "_sign.ftl" as sign><@sign.provider/>
