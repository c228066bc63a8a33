· review ID approve / review ID reject REASON: decide a review by its number without replying; "review ID" alone shows it. Example:
    review 12 approve
    review 12 reject the credit code does not match the business licence
