· orders [status]: your orders, optionally of one status (unpaid paid implementing awaiting_confirmation completed cancelled disputed). Example:
    orders implementing
