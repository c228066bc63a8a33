
marketdesk is running.
  web:      ${webBaseUrl}/   (status page; /health, /metrics)
  database: ${dbUrl}
<#if !embedded>
  mailbox:  ${imapUrl}  service address ${serviceAddress}
Stop with Ctrl-C.
<#else>
  mail:     embedded server, SMTP 127.0.0.1:${smtp?c}, IMAP 127.0.0.1:${imap?c}; the demo mailboxes' password is ${password}
            (any other mailbox is created by its first mail, its password is its address; all start empty after a restart)
  people:   operator ${operator}, providers ${alice} (${aliceAccount}) and ${bob} (${bobAccount}), buyer ${buyer}
  api:      bearer token ${apiToken?has_content?then(apiToken, "(none set)")}

Send a first mail (as provider alice, asking for help):

  printf 'From: ${alice}\r\nTo: ${serviceAddress}\r\nSubject: hi\r\n\r\n帮助\r\n' | \
    curl -s smtp://127.0.0.1:${smtp?c} --mail-from ${alice} --mail-rcpt ${serviceAddress} -T -

Find the reply (its subject is "Re: hi"; alice's inbox also holds the demo's notices), then read it decoded,
with the number SEARCH printed in place of N:

  curl -s imap://127.0.0.1:${imap?c}/INBOX -u ${alice}:${password} -X 'SEARCH SUBJECT "Re: hi"'
  curl -s 'imap://127.0.0.1:${imap?c}/INBOX;MAILINDEX=N' -u ${alice}:${password} | python3 -c 'import sys,email,email.policy; m=email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default); print(m.get_body(("plain",)).get_content())'

Or point any mail client at it (IMAP 127.0.0.1:${imap?c}, SMTP 127.0.0.1:${smtp?c}, no TLS). Stop with Ctrl-C.
</#if>
