· reject REASON: reply to a review mail to reject it; the reason is required, may span lines, and is sent to the asker. Example: reply with
    reject the credit code does not match the business licence
  (Buyers rejecting a delivery write: reject ORDER_NO REASON)
· reject NUMBERS REASON: reply to a numbered list to reject by number (a reason is required). Example:
    reject 7 the licence scan is unreadable
