· confirm order NUMBER (or: confirm NUMBER): confirm the provider's work is done (when awaiting confirmation). Example:
    confirm order 20261128000123
