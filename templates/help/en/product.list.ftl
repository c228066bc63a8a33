· products [status]: your products, their status and any revision in review. Status: in_review, listed, rejected or delisted (none: all). Example:
    products listed
