· undo: within 10 minutes of the confirmation (undo.window), take back your last delist, start or done. Example:
    undo
