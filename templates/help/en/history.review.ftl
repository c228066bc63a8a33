· history review NUMBER: every step of the review (submitted, withdrawn, approved, rejected), oldest first. Example:
    history review 12
