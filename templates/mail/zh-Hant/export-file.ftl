Subject: 匯出檔案 ${file}

您好：

您要的匯出檔案 ${file} 在附件裡（${rows} 列）。檔案可用 Excel、WPS 或 LibreOffice 開啟。
--
marketdesk 雲市場（郵件服務）· ${serviceAddress}
本郵件由系統自動傳送。
