· member remove ADDRESS: an admin removes an address from the account; the last admin cannot be removed. Example:
    member remove colleague@example.com
