· export orders [MONTH | FROM..TO] [csv|xlsx]: your orders as an Excel (default) or CSV file, by mail; operators get every order. Example:
    export orders 2026-11
    export orders 2026-10-01..2026-11-30 csv
