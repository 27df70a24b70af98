"""The ERASMI seed profile of the Erfurt network, in German and Turkish (CC BY 4.0)."""

from pathlib import Path

ERFURT_DE = Path(__file__).parent / "erfurt-de.txt"
ERFURT_TR = Path(__file__).parent / "erfurt-tr.txt"
