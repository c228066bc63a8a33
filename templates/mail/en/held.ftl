Subject: (part of the reply)

This command changes data, and this mail cannot prove that it comes from ${address}<#if authservIdSet> (our mail server found no DKIM/SPF pass for the sender's domain)</#if>, so it is on hold.
If you sent it: reply to this mail with "confirm" in the body and it will be done. If you did not: ignore this mail and nothing happens.
Confirmation code ${token} (valid ${days} days, single use).
