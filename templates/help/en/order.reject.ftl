· reject delivery NUMBER REASON: send it back to the provider with your reason (when awaiting confirmation). Example:
    reject delivery 20261128000123 the reports do not open after the migration
