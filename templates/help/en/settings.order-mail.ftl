· settings order-mail instant|daily|off: order notices one by one, one summary a day, or off (mails you must answer or act on are always sent). Example:
    settings order-mail daily
