"""Names of months and weekdays, kept in Erasmi's own catalogues.

Django's Italian catalogue capitalises them ("Mercoledì 20 Gennaio"), where Italian writes them in
lower case ("mercoledì 20 gennaio"). Erasmi's catalogues come first (LOCALE_PATHS), so the names listed
here, with the exact message ids and contexts of django.utils.dates, are translated by Erasmi; this
module is never imported, it only keeps the ids in the catalogues when `make messages` runs. A month
standing alone (Django's "alt. month", the heading "Novembre 2026" above a calendar) keeps its capital.
"""

from django.utils.translation import gettext_noop

WEEKDAYS = [
    gettext_noop("Monday"),
    gettext_noop("Tuesday"),
    gettext_noop("Wednesday"),
    gettext_noop("Thursday"),
    gettext_noop("Friday"),
    gettext_noop("Saturday"),
    gettext_noop("Sunday"),
]
MONTHS = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]
