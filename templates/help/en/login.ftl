· login: get a one-time link to your personal page (valid for 15 minutes, single use). Example:
    login
