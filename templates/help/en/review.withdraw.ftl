· withdraw review NUMBER: withdraw an account, product or price-change request of yours that is still open (or
  reply "withdraw" to the mail you got after asking). Example:
    withdraw review 12
