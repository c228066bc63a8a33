· history order NUMBER: every change of the order (when, who, from which mail, the sender check, before -> after),
  oldest first. Example:
    history order 20261128000123
