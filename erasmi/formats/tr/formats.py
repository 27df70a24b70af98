"""Turkish dates without a leading zero in words ("6 Aralık 2026", as Turkish public services write them);
the rest as Django's own Turkish formats."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
MONTH_DAY_FORMAT = "j F"
