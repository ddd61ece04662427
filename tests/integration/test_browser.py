"""The review page in a real browser: Playwright driving Debian's chromium against the
service on a loopback port. In CI (``$CI`` set) a missing browser is a failure, not a skip."""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import mtqe

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_4d4a1b028e6d6d4a.txt"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def _need(what: str, ok: bool) -> None:
    if ok:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing in CI: `make test` installs it", pytrace=False)
    pytest.skip(f"{what} is not installed")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    chromium = shutil.which("chromium")
    _need("Debian's chromium (apt-get install -y chromium)", chromium is not None)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    _need("playwright (pip install -e '.[dev]')", sync_playwright is not None)
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def server(detector: mtqe.Detector, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The app on uvicorn in a thread of this process (the model loaded once per session)."""
    pytest.importorskip("fastapi", reason="the serve extra is not installed")
    import uvicorn

    from mtqe.service.app import create_app

    db = tmp_path_factory.mktemp("browser") / "feedback.sqlite3"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(detector, db), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", db
    srv.should_exit = True
    thread.join(timeout=10)


def test_review_page(browser: Any, server: tuple[str, Path], detector: mtqe.Detector) -> None:
    url, db = server
    text = SEED.read_text(encoding="utf-8")
    expected = detector.check(text)
    page = browser.new_page(viewport={"width": 1366, "height": 768})  # a laptop screen
    page.set_default_timeout(30_000)
    page.goto(url)
    page.fill("#text", text)
    page.click("#check")
    page.wait_for_selector(f"#sentences li:nth-child({len(expected.sentences)})")
    flagged = page.locator("#sentences li.flag-review, #sentences li.flag-error")
    assert [li.get_attribute("data-id") for li in flagged.all()] == [s.id for s in expected.flagged]
    assert expected.flagged, "the seed article has flagged sentences"
    for s in expected.flagged:
        marks = page.locator(f'#sentences li[data-id="{s.id}"] mark.span')
        want = [s.text[sp.start:sp.end] for sp in sorted(s.spans, key=lambda x: x.start)]
        got = [m.evaluate("el => el.firstChild.textContent") for m in marks.all()]
        assert got == want[:len(got)] and len(got) >= 1
    # the reason shows on keyboard focus
    first = page.locator("#sentences mark.span").first
    first.focus()
    assert first.locator(".tip").is_visible()
    earliest = min(expected.flagged[0].spans, key=lambda sp: sp.start)
    assert first.locator(".tip").inner_text().endswith(earliest.reason)

    target = expected.flagged[0]
    li = page.locator(f'#sentences li[data-id="{target.id}"]')
    li.get_by_role("button", name="False alarm").click()
    li.get_by_text("Saved").wait_for()
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT signature, text, flag_shown, verdict FROM feedback").fetchall()
    assert rows == [(expected.signature, target.text, target.flag, "false_alarm")]
    page.close()


def test_page_offsets_with_emoji_and_keyboard_submit(browser: Any, server: tuple[str, Path],
                                                     detector: mtqe.Detector) -> None:
    """Code-point offsets: a span after characters outside the BMP is highlighted where it is."""
    url, _ = server
    text = "🙂 Minister Vorobyov arrived in Lisbon. 🙂🙂 Then Vorobyev said the talks went well."
    spans = [s.text[sp.start:sp.end] for s in detector.check(text).sentences for sp in s.spans]
    assert spans == ["Vorobyev"]
    page = browser.new_page()
    page.goto(url)
    page.focus("#text")
    page.keyboard.insert_text(text)
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("#sentences mark.span")
    got = page.locator("#sentences mark.span").first.evaluate("el => el.firstChild.textContent")
    assert got == "Vorobyev"
    page.close()
