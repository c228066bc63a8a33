· export products [csv|xlsx]: your products as a file, by mail; operators get every product. Example:
    export products
