Subject: (part of a reply)
The mail you answered is waiting for your confirmation: to go ahead, reply to it with just "confirm".
A reply such as "ok" or "thanks" does not run anything; without "confirm" nothing happens.
