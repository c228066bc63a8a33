· product relist ID: send a delisted product for review again, as it was or with changed fields below; it is on sale again once approved. Example:
    product relist P1001
    price: 800
