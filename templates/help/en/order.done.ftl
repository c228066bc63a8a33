· done NUMBER [confirm]: implementing -> awaiting confirmation; the buyer is asked to confirm. Example:
    done 20261128000123 confirm
