"""dateline: read news about conflict and diplomacy into data an analyst can trust.

>>> from dateline import read
>>> reading = read("story.html")  # doctest: +SKIP
>>> [e.type for e in reading.events]  # doctest: +SKIP
"""

from dateline.api_public import read, read_many
from dateline.pipeline import Pipeline
from dateline.reading import Reading

__all__ = ["Pipeline", "Reading", "read", "read_many"]
__version__ = "0.1.0"
