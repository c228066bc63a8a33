· undo: within ${undoMinutes} minutes of the confirmation, take back your last delist, start or done. Example:
    undo
