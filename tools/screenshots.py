"""`make screenshots`: the home, a space, the report page (phone and desktop) and the PDF
report's first pages, as PNG files in docs/screenshots/.

Builds the demo in a temporary SQLite database with the real commands, serves it with the
development server, and drives Debian's Chromium through Playwright; the PDF pages are drawn
with pypdfium2. Nothing outside the temporary folder and docs/screenshots/ is touched.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
BIN = Path(sys.executable).parent
PAGES = {
    "inicio": "/",
    "espacio": "/espacios/audiencia-publica-2023/",
    "informe": "/informes/2023/",
}
WIDTHS = {"celular": {"width": 390, "height": 844}, "escritorio": {"width": 1366, "height": 900}}
PDF_PAGES = 3


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"El servidor no respondió en {url}.")


def main() -> int:
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if chromium is None:
        raise SystemExit("Falta Chromium: ejecute `make browser` (apt-get install chromium).")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="rendicion-screenshots-") as work:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{work}/demo.sqlite3",
            "RENDICION_DATA_DIR": work,
            "DEBUG": "true",
            "DJANGO_RUNSERVER_HIDE_WARNING": "true",
        }
        rendicion = str(BIN / "rendicion")
        for command in (["migrate", "--verbosity", "0"], ["load_demo"]):
            subprocess.run([rendicion, *command], env=env, check=True, stdout=subprocess.DEVNULL)
        port = _free_port()
        server = subprocess.Popen(
            [rendicion, "runserver", "--noreload", f"127.0.0.1:{port}"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        origin = f"http://127.0.0.1:{port}"
        try:
            _wait(origin + "/salud/")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium)
                for width_name, viewport in WIDTHS.items():
                    page = browser.new_page(viewport=viewport)
                    for name, path in PAGES.items():
                        page.goto(origin + path)
                        target = OUT / f"{name}-{width_name}.png"
                        page.screenshot(path=str(target), full_page=width_name == "celular")
                        print(target.relative_to(ROOT))
                    page.close()
                browser.close()
            with urllib.request.urlopen(origin + "/informes/2023.pdf", timeout=120) as response:
                pdf = response.read()
        finally:
            server.terminate()
            server.wait(timeout=15)
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    for index in range(min(PDF_PAGES, len(document))):
        image = document[index].render(scale=1.5).to_pil()
        target = OUT / f"informe-pdf-pagina-{index + 1}.png"
        image.save(target, optimize=True)
        print(target.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
