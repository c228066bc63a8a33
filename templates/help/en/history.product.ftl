· history product ID: every change of the product, oldest first. Example:
    history product P1001
