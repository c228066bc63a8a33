· accept refund [NUMBER]: accept the buyer's refund request; in a reply to the refund mail the number may be left out. Example:
    accept refund 20261128000123
