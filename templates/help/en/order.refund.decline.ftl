· decline refund [NUMBER] REASON: decline the buyer's refund request; operators decide, the buyer reads your reason. Example:
    decline refund 20261128000123 the service was delivered as the requirement form asked
