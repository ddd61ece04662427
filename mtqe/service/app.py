"""The FastAPI app: JSON API under ``/v1``, XLIFF, and the review page at ``/``.

Example:
    >>> app = create_app(mtqe.load(), feedback_db="feedback.sqlite3")
    >>> uvicorn.run(app, host="127.0.0.1", port=8000)
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Literal

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from .. import Detector, __version__
from ..feedback import FeedbackStore
from ..jsonl import InputError, parse_line, result_line
from .batching import Batcher
from .guard import Guard, error_response, one_line

STATIC = Path(__file__).parent / "static"
DEFAULT_MAX_BODY = 2 * 1024 * 1024
XLIFF_TYPE = "application/xliff+xml"
OFFSETS = ("Unicode code points (Python string indices; not UTF-16 code units, not bytes), "
           "end exclusive")

Mode = Literal["precise", "balanced", "sensitive"]
Flag = Literal["ok", "review", "error"]


class CheckRequest(BaseModel):
    text: str = Field(description="the translated article (English)")
    source: str | None = Field(None, description="the original article, for source-aware checks")
    src_lang: str | None = Field(None, description="source language, ISO 639-1 (e.g. 'pt')")
    mode: Mode | None = Field(None, description="operating point, shifted from the served thresholds")


class SpanOut(BaseModel):
    start: int = Field(description=f"offset into the sentence's text, in {OFFSETS}")
    end: int = Field(description=f"offset into the sentence's text, in {OFFSETS}")
    category: str
    score: float
    reason: str


class SentenceOut(BaseModel):
    id: str
    text: str
    start: int = Field(description=f"offset of the sentence in the article, in {OFFSETS}")
    end: int = Field(description=f"offset of the sentence's end in the article, in {OFFSETS}")
    score: float = Field(description="probability in [0, 1] that the sentence has an error")
    flag: Flag
    spans: list[SpanOut]
    categories: list[str]
    reasons: list[str]


class CheckResponse(BaseModel):
    signature: str
    sentences: list[SentenceOut]


class SegmentOut(BaseModel):
    id: str
    score: float
    flag: Flag
    spans: list[SpanOut]
    categories: list[str]
    reasons: list[str]


class FeedbackRequest(BaseModel):
    signature: str = Field(description="signature of the report the editor saw")
    text: str = Field(description="the sentence")
    flag_shown: Flag
    verdict: Literal["error", "false_alarm", "missed"] = Field(
        description="error: the flag was right; false_alarm; missed: an error mtqe did not flag")
    note: str | None = None


def create_app(detector: Detector, feedback_db: str | Path | None = None, token: str | None = None,
               max_body: int = DEFAULT_MAX_BODY, batch: bool = False) -> FastAPI:
    """The service around one loaded detector (its model loaded here, once, and shared).

    Args:
        detector: what scores every request.
        feedback_db: SQLite file for editors' verdicts (default: the user's data folder).
        token: when set, every ``/v1`` call but ``/v1/health`` needs ``Authorization: Bearer``.
        max_body: request bodies larger than this many bytes get 413.
        batch: score ``/v1/segments`` requests that arrive together in one model call
            (faster under load, but scores then depend on the batch: see ``batching``).
    """
    detector.check("The model is loaded before the first request.")  # lazy model: load it now
    store = FeedbackStore(feedback_db)
    batcher = Batcher(detector, combine=batch)
    app = FastAPI(title="mtqe", version=__version__, docs_url="/docs", redoc_url=None,
                  description="Scores translated English news, sentence by sentence, for the "
                  f"likelihood of a machine-translation error. All offsets are in {OFFSETS}.")
    app.state.batcher, app.state.feedback = batcher, store
    app.add_middleware(Guard, token=token, max_body=max_body)
    _handlers(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/v1/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "signature": detector.signature}

    @app.post("/v1/check", response_model=CheckResponse)
    async def check(req: CheckRequest) -> Response:
        report = await batcher.check(req.text, req.source, req.src_lang, req.mode)
        return _json(report.to_dict())

    @app.post("/v1/segments", response_model=list[SegmentOut],
              openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
                  "schema": {"type": "array", "items": {"type": "object"}},
                  "example": [{"id": "1", "doc": "d1", "target": "...", "source": None}]}}}})
    async def segments(request: Request) -> Response:
        """The JSONL batch contract as one JSON array in, one array out (same order, same
        fields as ``mtqe check --jsonl``)."""
        items = _json_body(await request.body())
        if not isinstance(items, list):
            return error_response(422, "body: expected a JSON array of segment objects")
        try:
            segs = [parse_line(json.dumps(x).encode(), f"segment {i}") for i, x in enumerate(items)]
        except InputError as e:
            return error_response(422, str(e))
        results = await batcher.segments(segs, None)
        return Response("[" + ",".join(result_line(r) for r in results) + "]",
                        media_type="application/json")

    @app.post("/v1/feedback", status_code=201)
    def feedback(req: FeedbackRequest) -> dict[str, int]:
        return {"id": store.add(req.signature, req.text, req.flag_shown, req.verdict, req.note)}

    @app.post("/v1/xliff", response_class=Response, openapi_extra={"requestBody": {
        "required": True, "content": {XLIFF_TYPE: {"schema": {"type": "string"}}}}})
    async def xliff(request: Request) -> Response:
        """An XLIFF 1.2 or 2.0 file in, the same file with ITS quality annotations out."""
        from ..xliff import XliffError, annotate

        data = await request.body()
        try:
            out = await batcher.call(lambda det: annotate(data, det))
        except XliffError as e:
            return error_response(422, str(e))
        return Response(out, media_type=XLIFF_TYPE)

    return app


def _json(obj: Any) -> Response:
    return Response(json.dumps(obj, ensure_ascii=False), media_type="application/json")


def _json_body(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise RequestValidationError([{"type": "json_invalid", "loc": ("body",), "msg": str(e),
                                       "ctx": {"error": str(e)}}]) from None


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, one_line(exc.errors()))

    @app.exception_handler(InputError)
    async def unreadable(_: Request, exc: InputError) -> JSONResponse:
        return error_response(422, str(exc))  # a lone surrogate, an unknown src_lang

    @app.exception_handler(Exception)
    async def crashed(_: Request, exc: Exception) -> JSONResponse:
        return error_response(500, f"internal error ({type(exc).__name__})")


def app_from_env() -> FastAPI:
    """The app for ``uvicorn --factory`` (``mtqe serve --workers N``): each worker process
    loads its own model from the settings ``serve`` put in ``MTQE_SERVE``."""
    from .. import load

    cfg = json.loads(os.environ["MTQE_SERVE"])
    det = load(cfg["model"], mode=cfg["mode"])
    if cfg["review_at"] is not None or cfg["error_at"] is not None:
        det = det.with_thresholds(det.thresholds.overridden(cfg["review_at"], cfg["error_at"]))
    return create_app(det, cfg["feedback_db"], cfg["token"], cfg["max_body"], cfg.get("batch", False))


def serve(cfg: dict[str, Any], host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> None:
    """Run the service until interrupted. ``cfg``: model, mode, review_at, error_at,
    feedback_db, token, max_body, batch (what ``app_from_env`` reads)."""
    import uvicorn

    os.environ["MTQE_SERVE"] = json.dumps(cfg)
    if workers > 1:
        uvicorn.run("mtqe.service.app:app_from_env", factory=True, host=host, port=port,
                    workers=workers, log_level="warning")
    else:
        uvicorn.run(app_from_env(), host=host, port=port, log_level="warning")
