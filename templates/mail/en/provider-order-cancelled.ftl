Subject: Order ${orderNo} was cancelled (unpaid)

Hello (account ID ${accountId}),

The unpaid order ${orderNo} was cancelled; nothing to do.

Order: ${orderNo}
Product: ${productName} (${productId})
Amount: ¥${price}
Buyer: ${buyerEmail}
Status: ${statusEn} (the buyer sees: ${buyerLabelEn})

--
marketdesk cloud marketplace back office · ${serviceAddress}
This mail was sent automatically.
