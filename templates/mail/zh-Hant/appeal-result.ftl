Subject: 您對訂單 ${review.subject()} 的申訴：${approved?then("已同意，訂單取消並退款", "未同意，訂單繼續處理")}

${requesterName}，您好：

<#if approved>
運營人員同意了您對訂單 ${review.subject()} 的申訴：訂單已取消，貨款將退還給您。
<#else>
運營人員沒有同意您對訂單 ${review.subject()} 的申訴：訂單恢復為「${msg("zh-Hant", "state.order-buyer.implementing")}」，服務商繼續處理。
</#if>
<#if review.decisionNote()?has_content>
運營人員說明：${review.decisionNote()}
</#if>
<#if !approved>
服務商完成後您會收到郵件，屆時回覆「確認完成 ${review.subject()}」或「驗收不通過 ${review.subject()} 理由」。
</#if>
<#import "_sign.ftl" as sign><@sign.buyer/>
