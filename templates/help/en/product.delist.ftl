· product delist ID [confirm]: take a listed product off sale; buyers can no longer order it. You are asked to reply "confirm" first; "confirm" on the same line delists at once. Example:
    product delist P1001
