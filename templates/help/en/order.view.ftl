· order NUMBER: the order with the buyer's contact and the requirement forms with attachments. Example:
    order 20261128000123
