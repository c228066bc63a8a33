-- What each outgoing mail is about (docs/commands.md, "The thread gives context"): a command without
-- its argument in a reply to this mail takes the order, product or review named here.
-- Space-separated "order:NO product:ID review:ID" (each optional); NULL when about nothing in particular.
ALTER TABLE outbox ADD COLUMN about VARCHAR(300);
