"""One way to turn a name into a URL part: letters are transliterated, never dropped.

Django's ``slugify`` drops what has no ASCII decomposition ("netværk" becomes "netvrk", "Straße"
"strae", "ışık" "k"). Here each such letter gets its usual Latin spelling first. Letters that
decompose keep their base letter as before ("für" -> "fur", "göç" -> "goc"), so addresses made
earlier stay the same (only "å" is now "aa", as Danish writes it without the ring).
"""

from django.utils.text import slugify

TRANSLITERATION = str.maketrans(
    {
        "ø": "oe",
        "Ø": "Oe",
        "æ": "ae",
        "Æ": "Ae",
        "å": "aa",
        "Å": "Aa",
        "ß": "ss",
        "ẞ": "SS",
        "ı": "i",
        "İ": "I",
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
        "œ": "oe",
        "Œ": "Oe",
        "þ": "th",
        "Þ": "Th",
        "ð": "d",
        "Ð": "D",
        "*": "",  # "Migrant*innen" is one word
    }
)


def slug_for(name: str, max_length: int = 120, fallback: str = "item") -> str:
    """The URL part of a name: "Integrationsnetværk" -> "integrationsnetvaerk", "Straße" -> "strasse"."""
    return slugify(name.translate(TRANSLITERATION))[:max_length].strip("-") or fallback
