Subject: <#if revised>修訂後的</#if>結算單 ${id}（${month}）：應結算 ${net}

您好（帳號 ID：${accountId}）：

${companyName} ${month} 的結算單 ${id} 已產生，明細見附件（CSV 和 Excel 兩種格式）。

訂單數：${lines}
訂單金額合計：${gross}
已退款合計：${refunded}
佣金合計：${commission}（${rates}）
應結算：${net}

佣金按每行（訂單金額 − 已退款）× 佣金比例計算，四捨五入到分；合計為各行之和。
核對無誤請回覆本郵件：
    確認
<#import "_sign.ftl" as sign><@sign.provider/>
