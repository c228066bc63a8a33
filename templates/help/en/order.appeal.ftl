· appeal NUMBER REASON: when the provider has done nothing for 5 days, or after 3 rejected deliveries, operators decide; the order is frozen. Example:
    appeal 20261128000123 the provider has not contacted me since I paid
