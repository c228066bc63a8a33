· settings review-mail: an operator's review mails cannot be turned off; pause them with away. Example:
    away until 2026-12-10
