<#if role == "provider">您是服務商。<#elseif role == "operator">您是運營人員。<#elseif role == "buyer">您是訂單使用者。</#if>把命令寫在郵件正文裡（每條命令一行，欄位寫在命令下面，格式「欄位: 值」），發到 ${serviceAddress}。
一封郵件可以寫多條命令；也可以只寫在主題裡。中英文命令都可以用，全形半形都可以。
