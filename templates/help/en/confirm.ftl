· confirm: answer a confirmation mail (delist, start, done). Reply to that mail with:
    confirm
