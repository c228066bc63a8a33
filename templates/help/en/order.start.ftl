· start NUMBER [confirm]: paid -> implementing (asks for confirmation; with "confirm" it runs at once). Example:
    start 20261128000123 confirm
