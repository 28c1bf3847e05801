"""The HTTP side of the online geocoder: one question to a stranger's server, on our terms.

geopy builds the services' URLs and reads their answers; how a question travels is decided here,
because urllib's defaults do not suit a server we do not know. Each request, redirects and retries
included, waits its turn under the rate limit; each has one deadline for connecting, the headers
and the whole body together (a socket timeout bounds every wait, so a server sending a byte a
second would never meet it); a redirect is followed only to the same scheme, host and port, and
only a few times; a retry is made only when the server says its trouble is passing (429, 5xx) or
the connection failed; an answer over a size limit is refused unread.
"""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time
import urllib.request
from dataclasses import dataclass
from functools import partial
from urllib.error import HTTPError, URLError
from urllib.parse import urljoin, urlsplit

from geopy.adapters import AdapterHTTPError, BaseSyncAdapter
from geopy.exc import (
    GeocoderParseError,
    GeocoderServiceError,
    GeocoderTimedOut,
    GeocoderUnavailable,
)

REDIRECTS = frozenset({301, 302, 303, 307, 308})
PASSING_TROUBLE = frozenset({429, 500, 502, 503, 504})  # worth asking again, after a pause
DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True, slots=True)
class Limits:
    """How long, how often, how far and how much one geocoder may ask."""

    timeout: float = 10.0  # seconds for one request, from connecting to the answer's last byte
    min_delay_seconds: float = 1.0  # between any two requests (Nominatim's policy: one a second)
    max_retries: int = 2
    max_redirects: int = 3
    max_answer_bytes: int = 1_000_000


class Exchange(BaseSyncAdapter):
    """A geopy adapter that asks as the module docstring says. One request at a time: callers
    serialise (OnlineGeocoder holds a lock around each lookup)."""

    def __init__(self, *, proxies, ssl_context, limits: Limits):
        super().__init__(proxies=proxies, ssl_context=ssl_context)
        self.limits = limits
        self._last_request = -float("inf")
        # No redirect handler: a redirect comes back as an HTTPError, for `_ask` to judge.
        self._open = urllib.request.OpenerDirector()
        for handler in (urllib.request.ProxyHandler(proxies), _WatchedHTTPHandler(),
                        _WatchedHTTPSHandler(context=ssl_context),
                        urllib.request.HTTPErrorProcessor(),
                        urllib.request.HTTPDefaultErrorHandler()):
            self._open.add_handler(handler)

    def get_json(self, url, *, timeout, headers):
        text = self.get_text(url, timeout=timeout, headers=headers)
        try:
            return json.loads(text)
        except (ValueError, RecursionError) as error:  # RecursionError: nesting thousands deep
            raise GeocoderParseError(f"answer is not JSON ({error})") from None

    def get_text(self, url, *, timeout, headers):
        """The body of the final answer; geopy's errors for everything else."""
        for attempt in range(self.limits.max_retries + 1):
            try:
                status, body = self._follow(url, headers)
            except GeocoderUnavailable:
                if attempt == self.limits.max_retries:
                    raise
                continue
            if status not in PASSING_TROUBLE or attempt == self.limits.max_retries:
                break
        if status >= 400:
            raise AdapterHTTPError(f"the server answered HTTP {status}", status_code=status,
                                   headers={}, text=body)
        return body

    def _follow(self, url: str, headers: dict) -> tuple[int, str]:
        """Ask `url`, following redirects that stay on its origin."""
        origin = _origin(url)
        for _ in range(self.limits.max_redirects + 1):
            status, location, body = self._ask(url, headers)
            if location is None:
                return status, body
            target = urljoin(url, location)
            if _origin(target) != origin:
                raise GeocoderServiceError(f"redirected to another server ({_shown(target)}), "
                                           "not followed")
            url = target
        raise GeocoderServiceError(f"more than {self.limits.max_redirects} redirects")

    def _ask(self, url: str, headers: dict) -> tuple[int, str | None, str]:
        """One request under the rate limit and the deadline: (status, redirect target, body)."""
        self._wait_turn()
        deadline = _Deadline(self.limits.timeout)
        request = urllib.request.Request(url, headers=headers)
        request.deadline = deadline
        try:
            try:
                page = self._open.open(request, timeout=self.limits.timeout)
            except HTTPError as error:
                page = error  # a status >= 300: still an answer, with headers and a body
            status = page.status
            location = page.headers.get("Location") if status in REDIRECTS else None
            body = "" if location else self._read(page)
        except (URLError, OSError, http.client.HTTPException) as error:
            if deadline.expired:
                raise _late(self.limits.timeout) from None
            reason = getattr(error, "reason", error)
            raise GeocoderUnavailable(f"could not be asked ({reason})") from None
        finally:
            deadline.cancel()
        if deadline.expired:  # the cut socket may read as an early end of the answer
            raise _late(self.limits.timeout)
        return status, location, body

    def _wait_turn(self) -> None:
        pause = self._last_request + self.limits.min_delay_seconds - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        self._last_request = time.monotonic()

    def _read(self, page) -> str:
        """The body as text, refused when over the limit: read one byte past it at most."""
        limit = self.limits.max_answer_bytes
        try:
            declared = page.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > limit:
                raise GeocoderServiceError(f"answer of {declared} bytes is over the limit of "
                                           f"{limit}")
            body = page.read(limit + 1)
            if len(body) > limit:
                raise GeocoderServiceError(f"answer is over the limit of {limit} bytes")
        finally:
            page.close()  # drop the connection rather than drain an oversized answer
        try:
            return body.decode(page.headers.get_content_charset() or "utf-8")
        except (LookupError, ValueError):
            raise GeocoderParseError("answer is not text in its declared encoding") from None


class _Deadline:
    """Cuts the request's socket when its time is up, so that a blocked read returns."""

    def __init__(self, seconds: float):
        self.expired = False
        self._socket: socket.socket | None = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._socket = sock
            if self.expired:
                self._cut()

    def cancel(self) -> None:
        self._timer.cancel()
        with self._lock:
            self._socket = None

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            self._cut()

    def _cut(self) -> None:
        if self._socket is not None:
            try:
                self._socket.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # already closed: nothing left to cut


class _Watched:
    """A connection whose socket its request's deadline can cut (for https, once the TLS
    handshake is done: the handshake itself is bounded by the socket timeout only)."""

    def __init__(self, *args, deadline: _Deadline, **kwargs):
        super().__init__(*args, **kwargs)
        self._deadline = deadline

    def connect(self) -> None:
        super().connect()
        self._deadline.watch(self.sock)


class _WatchedHTTPConnection(_Watched, http.client.HTTPConnection):
    pass


class _WatchedHTTPSConnection(_Watched, http.client.HTTPSConnection):
    pass


class _WatchedHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(partial(_WatchedHTTPConnection, deadline=req.deadline), req)


class _WatchedHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(partial(_WatchedHTTPSConnection, deadline=req.deadline), req,
                            context=self._context)


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    try:
        port = parts.port or DEFAULT_PORTS.get(parts.scheme)
    except ValueError:  # a port that is not a number: no origin matches it
        port = None
    return parts.scheme.lower(), (parts.hostname or "").lower(), port


def _late(seconds: float) -> GeocoderTimedOut:
    return GeocoderTimedOut(f"no complete answer within {seconds:g} s (timed out)")


def _shown(text: str, length: int = 120) -> str:
    """Server-chosen text fit for one line of a terminal."""
    return "".join(c if c.isprintable() else "?" for c in text[:length])
