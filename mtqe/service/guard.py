"""What every request passes first: the bearer token and the body-size limit (ASGI
middleware), and the one-line error bodies the service answers with."""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from typing import Any

from fastapi.responses import JSONResponse

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

_OPEN = {"/v1/health"}  # answers without the token: a load balancer's probe


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """``{"detail": message}``: one line, never a traceback."""
    return JSONResponse({"detail": " ".join(message.split())}, status_code=status, headers=headers)


def one_line(errors: Sequence[Any]) -> str:
    """The first validation error as ``where: what``."""
    if not errors:
        return "invalid request"
    e = errors[0]
    where = ".".join(str(p) for p in e.get("loc", ()) if p != "body") or "body"
    if e.get("type") == "json_invalid":
        return f"body: malformed JSON ({e.get('ctx', {}).get('error', e.get('msg'))})"
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {e.get('msg', 'invalid')}{more}"


class Guard:
    """Refuses a ``/v1`` call without the right bearer token (401) and a body over
    ``max_body`` bytes (413), before the app reads anything."""

    def __init__(self, app: Callable[..., Awaitable[None]], token: str | None, max_body: int) -> None:
        self.app = app
        self.token = f"Bearer {token}".encode() if token else None
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        path = scope["path"]
        if self.token and path.startswith("/v1/") and path not in _OPEN:
            given = headers.get(b"authorization", b"")
            if not hmac.compare_digest(given, self.token):
                await error_response(401, "missing or wrong bearer token",
                                     {"WWW-Authenticate": "Bearer"})(scope, receive, send)
                return
        length = headers.get(b"content-length", b"0")
        if not length.isdigit() or int(length) > self.max_body:
            status = 413 if length.isdigit() else 400
            await error_response(status, f"request body over the {self.max_body}-byte limit"
                                 if status == 413 else "bad Content-Length")(scope, receive, send)
            return
        body = bytearray()
        while True:  # a chunked body has no Content-Length: count it as it comes
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if len(body) > self.max_body:
                await error_response(413, f"request body over the {self.max_body}-byte limit")(
                    scope, receive, send)
                return
            if not message.get("more_body", False):
                break
        await self.app(scope, _replay(bytes(body), receive), send)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
