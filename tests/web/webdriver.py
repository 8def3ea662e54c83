"""The few W3C WebDriver commands the browser tests need, spoken over HTTP to Debian's chromedriver
(no Python browser driver to install: the protocol is JSON over HTTP)."""
from __future__ import annotations

import base64
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import httpx

from tests.api.live import free_port

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")


def find_browser() -> tuple[str, str] | None:
    """(chromium, chromedriver) paths, or None when either is missing."""
    browser = next((shutil.which(name) for name in CHROMIUM_NAMES if shutil.which(name)), None)
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


class WebDriverError(RuntimeError):
    pass


class Browser:
    """A headless Chromium session driven through chromedriver."""

    def __init__(self, browser: str, driver: str) -> None:
        self.port = free_port()
        self.process = subprocess.Popen([driver, f"--port={self.port}"], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        self.http = httpx.Client(base_url=f"http://127.0.0.1:{self.port}", timeout=60)
        deadline = time.monotonic() + 20
        while True:
            try:
                if self.http.get("/status").json()["value"]["ready"]:
                    break
            except (httpx.HTTPError, ValueError, KeyError):
                pass
            if time.monotonic() > deadline:
                self.quit()
                raise WebDriverError("chromedriver did not start")
            time.sleep(0.1)
        options = {"binary": browser, "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                                               "--disable-dev-shm-usage", "--window-size=1280,1000",
                                               "--no-first-run", "--disable-extensions"]}
        try:
            session = self._call("POST", "/session", {"capabilities": {"alwaysMatch": {
                "browserName": "chrome", "goog:chromeOptions": options}}})
        except BaseException:
            self.quit()
            raise
        self.session = session["sessionId"]

    def _call(self, method: str, path: str, body: dict | None = None) -> Any:
        response = self.http.request(method, path, json=body if body is not None else None)
        value = response.json().get("value")
        if response.status_code >= 400:
            raise WebDriverError(f"{method} {path}: {value}")
        return value

    def _session(self, method: str, path: str, body: dict | None = None) -> Any:
        return self._call(method, f"/session/{self.session}{path}", body if body is not None else
                          ({} if method == "POST" else None))

    def get(self, url: str) -> None:
        self._session("POST", "/url", {"url": url})

    def refresh(self) -> None:
        """Reload the page (a real reload, even when the URL holds a fragment)."""
        self._session("POST", "/refresh")

    def back(self) -> None:
        self._session("POST", "/back")

    @property
    def url(self) -> str:
        return self._session("GET", "/url")

    def run(self, script: str, *args: Any) -> Any:
        """Run ``script`` (a function body; ``arguments`` holds ``args``) in the page and return its value."""
        return self._session("POST", "/execute/sync", {"script": script, "args": list(args)})

    def run_async(self, script: str, *args: Any) -> Any:
        """Run ``script`` and wait for it to call its last argument (a callback); return what it passed."""
        return self._session("POST", "/execute/async", {"script": script, "args": list(args)})

    def timeouts(self, script_ms: int) -> None:
        self._session("POST", "/timeouts", {"script": script_ms})

    def find(self, css: str) -> str:
        element = self._session("POST", "/element", {"using": "css selector", "value": css})
        return next(iter(element.values()))

    def click(self, css: str) -> None:
        self._session("POST", f"/element/{self.find(css)}/click")

    def type(self, css: str, text: str) -> None:
        element = self.find(css)
        self._session("POST", f"/element/{element}/clear")
        self._session("POST", f"/element/{element}/value", {"text": text})

    def wait(self, script: str, *args: Any, timeout: float = 15, what: str = "") -> Any:
        """Wait until ``script`` returns something truthy; return it."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.run(script, *args)
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what or script}")
            time.sleep(0.05)

    def screenshot(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(self._session("GET", "/screenshot")))

    def quit(self) -> None:
        try:
            if getattr(self, "session", None):
                self.http.delete(f"/session/{self.session}")
        except httpx.HTTPError:
            pass
        self.http.close()
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
