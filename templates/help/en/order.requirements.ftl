· requirements NUMBER: write your requirements below this line, attach files (while paid or implementing; as often as needed). Example:
    requirements 20261128000123
    Please migrate the MySQL databases of 3 servers, at the weekend.
