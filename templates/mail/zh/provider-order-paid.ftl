Subject: 新订单已支付：${orderNo}

${companyName}，您好：
（服务商账号 ID：${accountId}）

买家已支付订单。<#if status == "completed">该商品不是运维服务，订单支付后即已完成。<#else>请联系买家确认需求，然后开始实施。</#if>

订单号：${orderNo}
商品：${productName}（${productId}）
金额：${price}
买家：${buyerEmail}
当前状态：${msg("zh", "state.order." + status)}（买家看到：${msg("zh", "state.order-buyer." + status)}）

<#if status != "completed">买家联系方式：${buyerEmail}
开始实施：发邮件到 ${serviceAddress}，正文写
    开始实施 ${orderNo}
（系统会请您确认）。请在支付后 ${startWithin} 天内（${deadline} 前）开始实施，逾期订单将自动取消并退款给买家，之前会提醒您。
查看订单和需求单：订单详情 ${orderNo}
</#if><#import "_sign.ftl" as sign><@sign.provider/>
