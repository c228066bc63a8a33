· members: the members of your account and their roles (admin, products, orders, readonly). Example:
    members
