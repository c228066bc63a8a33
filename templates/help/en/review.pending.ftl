· pending: every open review, overdue first, with due dates. Example:
    pending
