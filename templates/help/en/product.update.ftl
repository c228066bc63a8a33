· product update ID: change a product (the price too); write only the fields that change. The change goes live once approved; until then buyers see the live version, and a new update replaces the one in review. On a delisted product it asks to list it again. Example:
    product update P1001
    price: 800
    summary: the new summary
