Subject: Export ${file}

Hello,

The export you asked for, ${file}, is attached (${rows} rows). It opens in Excel, WPS and LibreOffice.
--
marketdesk cloud marketplace · ${serviceAddress}
This mail was sent automatically.
