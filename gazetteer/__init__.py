"""geomap's place-name authority: names, places, kinds, shapes, and ranking of candidates.

Knows nothing of articles, events or maps. `Gazetteer.open().lookup("Mosul")`.
"""

from .lookup import Gazetteer
from .model import Candidate, Place
from .sources.csvfile import DataError
from .store import StoreError

__all__ = ["Candidate", "DataError", "Gazetteer", "Place", "StoreError"]
