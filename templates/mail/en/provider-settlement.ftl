Subject: <#if revised>Revised </#if>statement ${id} (${month}): net ${net}

Hello (account ID ${accountId}),

The settlement statement ${id} of ${companyName} for ${month} is ready; the lines are attached (CSV and Excel).

Orders: ${lines}
Price total: ${gross}
Refunded total: ${refunded}
Commission total: ${commission} (${rates})
Net: ${net}

Each line's commission is (price - refunded) x the rate, rounded half-up to the cent; the totals are the sums of the lines.
If it is right, reply to this mail with:
    confirm statement
<#import "_sign.ftl" as sign><@sign.provider/>
