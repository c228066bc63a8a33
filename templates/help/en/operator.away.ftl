· away until DATE: no review mails or digests up to and including DATE; the other operators get them. "away off"
  ends it early. Example:
    away until 2026-12-10
    away off
