"""Publication dates an article carries that are not its byline: the dates of the posts it embeds.

An embedded tweet ends with its author and date ("— Jane Roe (@janeroe) March 9, 2017"). When an
article gives no other date, the latest of these is a lower bound on its own, close enough to
anchor "on Wednesday": an article embeds posts written before it, usually the same day.
"""

from __future__ import annotations

import datetime
import re

# "— Name (@handle) March 9, 2017" or "- Name (@handle) Mar 9, 2017", ending its line.
_EMBEDDED_POST = re.compile(
    r"^[ \t]*[—–-][ \t]*[^\n(]{1,80}\(@\w{1,30}\)[ \t]*"
    r"(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2},"
    r"[ \t]*\d{4})[ \t]*$", re.MULTILINE)
_FORMATS = ("%B %d, %Y", "%b %d, %Y")


def embedded_post_date(text: str) -> datetime.date | None:
    """The latest date of the posts the article embeds, or None."""
    found = [day for match in _EMBEDDED_POST.finditer(text)
             if (day := _day(match["date"])) is not None]
    return max(found, default=None)


def _day(written: str) -> datetime.date | None:
    cleaned = re.sub(r"\s+", " ", written.replace(".", "")).replace("Sept ", "Sep ")
    for layout in _FORMATS:
        try:
            return datetime.datetime.strptime(cleaned, layout).date()
        except ValueError:
            continue
    return None
