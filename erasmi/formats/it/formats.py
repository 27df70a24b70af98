"""Italian dates without a leading zero in words ("6 dicembre 2026", as Italian public services write them);
the rest as Django's own Italian formats."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "l j F Y H:i"
