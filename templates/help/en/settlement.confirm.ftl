· confirm statement [ID]: confirm the monthly settlement statement (its mail carries a CSV and an Excel file); in a reply to it the ID may be left out. Example:
    confirm statement S202611-100012345678
