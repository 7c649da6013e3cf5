"""The review app: a Starlette application over one store, served on the loopback address.

Pages of documents, each document's text with its facts, and one endpoint that records a
verdict (pipeline/review/decisions.py). The browser sends verdicts, never SQL; every write
carries the per-session token that the page was served with (a header another site cannot
set without a CORS preflight, which this app never grants); requests for another host name
are refused (DNS rebinding). The page builds all text with textContent (static/review.js),
and its Content Security Policy runs only the app's own script and style.
"""

from __future__ import annotations

import html
import secrets
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from zhfacts.review import pages
from zhfacts.review.decisions import CHOICES, ReviewError, parse_verdict, record
from zhfacts.review.vocabulary import districts, metric_keys
from zhfacts.store.db import reading, writing
from zhfacts.store.errors import StoreBusy, StoreError
from zhfacts.store.views import EDITABLE

STATIC = Path(__file__).resolve().parent / "static"
TOKEN_HEADER = "x-zhfacts-token"
LOOPBACK_NAMES = ["127.0.0.1", "localhost", "::1", "[::1]"]
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
       "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                    "Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}


class Store:
    """The store file, opened per request: between requests `zhfacts store add` or a plain
    `duckdb` can open it too. One request at a time in this process."""

    def __init__(self, db: Path) -> None:
        self.db = Path(db)
        self.lock = threading.Lock()

    @contextmanager
    def read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self.lock, reading(self.db) as con:
            yield con

    @contextmanager
    def write(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self.lock, writing(self.db) as con:
            yield con


def error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=SECURITY_HEADERS)


def answer(data: Any) -> JSONResponse:
    return JSONResponse(data, headers=SECURITY_HEADERS)


def guarded(handler: Callable[..., Response]) -> Callable[..., Response]:
    """Store errors as JSON answers: busy is 503 (try again), anything else 400."""
    def wrapper(*args: Any) -> Response:
        try:
            return handler(*args)
        except StoreBusy as e:
            return error(503, str(e))
        except (StoreError, ReviewError) as e:
            return error(400, str(e))
    wrapper.__name__ = handler.__name__
    return wrapper


def index_page(token: str, title: str) -> str:
    shell = (STATIC / "index.html").read_text(encoding="utf-8")
    return shell.replace("{{token}}", html.escape(token, quote=True)).replace("{{title}}", html.escape(title))


def create_app(db: Path, token: str | None = None, reviewer: str | None = None,
               allowed_hosts: list[str] | None = None) -> Starlette:
    """The app over the store at `db`; `token` is made up when not given (app.state.token)."""
    store = Store(db)
    token = token or secrets.token_urlsafe(32)

    def index(request: Request) -> Response:
        return HTMLResponse(index_page(token, f"zhfacts review: {store.db.name}"), headers=SECURITY_HEADERS)

    @guarded
    def vocabulary(request: Request) -> Response:
        return answer({"districts": [[d["name"], d["adcode"], d["parent"]] for d in districts()],
                       "metric_keys": list(metric_keys()), "editable": {k: list(v) for k, v in EDITABLE.items()},
                       "choices": {k: [c for c in v if c] for k, v in CHOICES.items()}})

    @guarded
    def documents(request: Request) -> Response:
        query = pages.DocumentQuery.from_params(request.query_params)
        with store.read() as con:
            return answer(pages.document_page(con, query))

    @guarded
    def document(request: Request) -> Response:
        with store.read() as con:
            found = pages.document_facts(con, request.path_params["sha256"])
        return answer(found) if found else error(404, "no such document")

    @guarded
    def progress(request: Request) -> Response:
        with store.read() as con:
            return answer(pages.progress(con))

    async def verdict(request: Request) -> Response:
        if not secrets.compare_digest(request.headers.get(TOKEN_HEADER, ""), token):
            return error(403, "missing or wrong session token")
        try:
            body = await request.json()
        except ValueError:
            return error(400, "the body must be JSON")
        return await run_in_threadpool(save_verdict, body)

    @guarded
    def save_verdict(body: Any) -> Response:
        with store.write() as con:
            verdict = parse_verdict(con, body, reviewer)
            review_id = record(con, verdict)
        with store.read() as con:
            fact = pages.fact_at(con, verdict.kind, verdict.sha256, verdict.start, verdict.end)
            return answer({"review_id": review_id, "fact": fact, "progress": pages.progress(con)})

    def no_icon(request: Request) -> Response:
        return Response(status_code=204)

    routes = [
        Route("/", index),
        Route("/favicon.ico", no_icon),
        Route("/api/vocabulary", vocabulary),
        Route("/api/documents", documents),
        Route("/api/documents/{sha256:str}", document),
        Route("/api/progress", progress),
        Route("/api/verdicts", verdict, methods=["POST"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or LOOPBACK_NAMES)]
    app = Starlette(routes=routes, middleware=middleware)
    app.state.token = token
    return app
