"""A local news site for the follower's tests: feeds and article pages served by the standard
library's HTTP server on 127.0.0.1, ETag/If-None-Match and Last-Modified/If-Modified-Since
honoured, every request logged. The articles are written for these tests."""

from __future__ import annotations

import email.utils
import hashlib
import threading
import time
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

EPOCH = 1_772_000_000  # the site's clock: each change of a resource one minute later


@dataclass
class Resource:
    """What the site answers at one path."""

    body: bytes
    content_type: str
    status: int = 200
    etag: str = ""
    modified: int = 0
    location: str = ""  # a redirect's target
    drip: float = 0.0  # seconds between bytes of the body: a server too slow to finish


@dataclass(frozen=True)
class Request:
    """One request the site received and how it answered."""

    path: str
    status: int
    conditional: bool
    user_agent: str
    host: str = ""


@dataclass
class Site:
    """The site's resources by path and the log of requests; `url(path)` once started."""

    resources: dict[str, Resource] = field(default_factory=dict)
    log: list[Request] = field(default_factory=list)
    port: int = 0
    clock: int = EPOCH

    def put(
        self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8", status: int = 200
    ) -> str:
        """Serve `body` at `path` (a new version: new validators); returns its URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.clock += 60
        etag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
        self.resources[path] = Resource(data, content_type, status, etag, self.clock)
        return self.url(path)

    def redirect(self, path: str, to: str) -> str:
        """Answer `path` with a 302 to `to`; returns its URL."""
        self.resources[path] = Resource(b"", "text/html", 302, location=to)
        return self.url(path)

    def drip(self, path: str, body: str, seconds: float) -> str:
        """Serve `body` at `path` one byte every `seconds`; returns its URL."""
        self.put(path, body)
        self.resources[path].drip = seconds
        return self.url(path)

    def url(self, path: str) -> str:
        """The address of `path` on this site."""
        return f"http://127.0.0.1:{self.port}{path}"

    def count(self, prefix: str = "/", status: int | None = None) -> int:
        """Requests for paths starting with `prefix` (answered with `status`, when given)."""
        return sum(1 for r in self.log if r.path.startswith(prefix) and status in (None, r.status))

    def forget(self) -> None:
        """Start a new count of requests."""
        self.log.clear()


def serve(site: Site) -> ThreadingHTTPServer:
    """Start serving `site` on a free port of 127.0.0.1 in a thread; shut it down when done."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
            found = site.resources.get(self.path)
            tag, since = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
            status = 404 if found is None else found.status
            if found is not None and found.status == 200:
                if tag is not None:
                    status = 304 if tag == found.etag else 200
                elif since is not None:
                    when = email.utils.parsedate_to_datetime(since).timestamp()
                    status = 304 if found.modified <= when else 200
            site.log.append(
                Request(
                    self.path,
                    status,
                    bool(tag or since),
                    self.headers.get("User-Agent", ""),
                    self.headers.get("Host", ""),
                )
            )
            body = b"" if status == 304 or found is None else found.body
            self.send_response(status)
            if found is not None and found.location:
                self.send_header("Location", found.location)
            if found is not None:
                self.send_header("ETag", found.etag)
                self.send_header("Last-Modified", email.utils.formatdate(found.modified, usegmt=True))
                self.send_header("Content-Type", found.content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if found is not None and found.drip:
                try:
                    for byte in body:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(found.drip)
                except OSError:  # the client gave up: as it should
                    return
            else:
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            """Quiet: the site keeps its own log."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    site.port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def page(title: str, byline: str, paragraphs: list[str]) -> str:
    """An article page as a newsroom's site would serve it (a little furniture around the text)."""
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{escape(title)}</title></head>"
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{escape(title)}</h1>"
        f"<p class='byline'>By {escape(byline)}</p>{body}</article>"
        "<footer>Valley Courier</footer></body></html>"
    )


def rss(title: str, items: list[dict[str, str]]) -> str:
    """An RSS 2.0 feed of `items` (title, link, guid, date; content for the whole article)."""
    parts = []
    for item in items:
        content = (
            f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>" if "content" in item else ""
        )
        parts.append(
            f"<item><title>{escape(item['title'])}</title><link>{escape(item['link'])}</link>"
            f"<guid isPermaLink='false'>{escape(item['guid'])}</guid><pubDate>{item['date']}</pubDate>"
            f"<description>{escape(item.get('summary', item['title']))}</description>{content}</item>"
        )
    return (
        "<?xml version='1.0' encoding='utf-8'?>"
        "<rss version='2.0' xmlns:content='http://purl.org/rss/1.0/modules/content/'><channel>"
        f"<title>{escape(title)}</title><link>http://127.0.0.1/</link><description>News</description>"
        f"<language>en</language>{''.join(parts)}</channel></rss>"
    )


def atom(title: str, entries: list[dict[str, str]]) -> str:
    """An Atom feed of `entries` (title, link, id, updated as ISO; content for the whole article)."""
    parts = []
    for entry in entries:
        content = f"<content type='html'>{escape(entry['content'])}</content>" if "content" in entry else ""
        parts.append(
            f"<entry><title>{escape(entry['title'])}</title><link href='{escape(entry['link'])}'/>"
            f"<id>{escape(entry['id'])}</id><updated>{entry['updated']}</updated>"
            f"<author><name>{escape(entry.get('author', 'Desk'))}</name></author>{content}</entry>"
        )
    return (
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        f"<title>{escape(title)}</title><id>urn:test:feed</id><updated>2026-03-04T10:00:00Z</updated>"
        f"{''.join(parts)}</feed>"
    )
