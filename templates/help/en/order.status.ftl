· status NUMBER: see your order. Example:
    status 20261128000123
