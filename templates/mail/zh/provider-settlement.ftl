Subject: <#if revised>修订后的</#if>结算单 ${id}（${month}）：应结算 ${net}

您好（账号 ID：${accountId}）：

${companyName} ${month} 的结算单 ${id} 已生成，明细见附件（CSV 和 Excel 两种格式）。

订单数：${lines}
订单金额合计：${gross}
已退款合计：${refunded}
佣金合计：${commission}（${rates}）
应结算：${net}

佣金按每行（订单金额 − 已退款）× 佣金比例计算，四舍五入到分；合计为各行之和。
核对无误请回复本邮件：
    确认
<#import "_sign.ftl" as sign><@sign.provider/>
