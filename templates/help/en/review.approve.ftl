· approve [comment]: reply to a review mail to approve it (the comment goes to the asker). Example: reply with
    approve
· approve NUMBERS: reply to the daily review digest or the "pending" list to decide many by number, ranges and lists,
  one line each. Example:
    approve 1-6,9
