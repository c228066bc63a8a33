· product view ID: the product page link, what buyers see, the revision in review and every version. Example:
    product view P1001
