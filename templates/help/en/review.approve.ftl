· approve [comment]: reply to a review mail to approve it (the comment goes to the asker). Example: reply with
    approve
