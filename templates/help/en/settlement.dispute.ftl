· dispute LINE COMMISSION REASON: dispute the commission of one statement line (several lines in one mail); operators decide, and a revised statement follows an approval. Example:
    dispute 2 20.00 the agreed commission on this order is 6%
