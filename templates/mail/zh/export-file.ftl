Subject: 导出文件 ${file}

您好：

您要的导出文件 ${file} 在附件里（${rows} 行）。文件可用 Excel、WPS 或 LibreOffice 打开。
--
marketdesk 云市场（邮件服务）· ${serviceAddress}
本邮件由系统自动发送。
