· pending: every open review, overdue first, with due dates. Example:
    pending
  The list is numbered: reply to it to decide by number, e.g. approve 1-3 / reject 4 REASON
