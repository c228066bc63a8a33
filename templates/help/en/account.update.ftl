· account update: one "field: new value" line per field you change; it goes to review (3 working days) and takes effect when approved.
  Fields: company name, company address, credit code, service phone, service email, service hours, contact, contact phone, contact email
  (the Chinese names work too). Example:
    account update
    service phone: 400-800-1234
    service email: service@example.com
    service hours: Mon-Fri 9:00-18:00
