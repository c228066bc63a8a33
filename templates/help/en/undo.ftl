· undo: within 10 minutes of the confirmation, take back your last delist, start or done. Example:
    undo
