· refund NUMBER [AMOUNT] REASON: ask for a refund of a paid order in progress or awaiting your confirmation; without an amount, all that is not yet refunded. The order is on hold; the provider answers within the set working days, and operators decide if they decline or stay silent. Example:
    refund 20261128000123 300.00 only half of the migration was done
