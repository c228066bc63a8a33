· remind NUMBER: remind the buyer to confirm (awaiting confirmation only; once per 24 hours per order). Example:
    remind 20261128000123
