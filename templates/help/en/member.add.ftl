· member add ADDRESS [ROLE]: an admin adds an address to the account (roles: admin, products, orders, readonly; readonly when none is written); it gets a welcome mail. For a member already, the role changes. Example:
    member add colleague@example.com orders
