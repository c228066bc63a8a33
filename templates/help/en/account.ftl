· account: your account ID, company, customer-service and contact info, sender addresses, and any pending change. Example:
    account
