Subject: (part of a reply)
This line, with the lines around it, repeats the mail you answered: it is quoted text and does not run. To run it, write the command on its own at the top of your reply.
