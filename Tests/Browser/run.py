#!/usr/bin/env python3
"""Browser test of the built site (docs/ci.md): Debian's Chromium, driven headless by Playwright.

Builds the sample trial and a second small trial (Tests/Browser/cdiscpilot01: three arms, weeks,
SAS XPT) into a temporary output folder with the given `readout` binary, then opens every HTML page
of the output from disk (file://) and fails on
  - any console error or uncaught page error (a Content-Security-Policy violation is one),
  - any request outside the output folder (only file:// URLs inside it, and data: URLs, are allowed),
  - any axe-core violation of WCAG 2.0/2.1/2.2 A and AA (axe-core bundled by axe-playwright-python),
  - any table of report.html that, in print media, is wider than its A4 page's content width (Chromium
    would shrink every page of the PDF to fit it),
and saves a full-page screenshot of each page (screen, and print media for report.html) under
Tests/Browser/screenshots/ (git-ignored) for review.

Usage: Tests/Browser/run.py READOUT_BINARY   (from the repository root)
Needs: chromium (Debian), pip packages playwright and axe-playwright-python; never downloads a browser.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("READOUT_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = ROOT / "Tests/Browser/screenshots"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def build(readout: str, output: Path) -> None:
    """The sample (locked) and the second trial (a draft: its data are copied, not locked)."""
    subprocess.run([readout, "build", "--quiet", "--output", str(output), str(ROOT / "content/blinatumomab-mrd")], check=True)
    work = Path(tempfile.mkdtemp(prefix="readout-browser-trial-"))
    try:
        project = work / "cdiscpilot01"
        shutil.copytree(ROOT / "Tests/Browser/cdiscpilot01", project)
        (project / "data").mkdir()
        for name in ("adsl", "adtte"):
            shutil.copy(ROOT / f"Tests/Fixtures/cdiscpilot01/{name}.xpt", project / "data" / f"{name}.xpt")
        subprocess.run([readout, "build", "--quiet", "--unlocked", "--output", str(output),
                        "--theme", str(ROOT / "themes/default"), str(project)], check=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


# The content width of an A4 page with the theme's 16 mm side margins, in CSS pixels (96 per inch):
# (210 − 32) mm portrait and (297 − 32) mm landscape.
PORTRAIT_PX = 178 / 25.4 * 96
LANDSCAPE_PX = 265 / 25.4 * 96

MEASURE_TABLES = """(wide) => [...document.querySelectorAll('table')]
  .filter(t => !!t.closest('.table-wrap.wide-table') === wide && t.getClientRects().length > 0)
  .map(t => ({caption: (t.caption ? t.caption.textContent : t.id || 'table').trim().slice(0, 80),
              width: Math.max(t.scrollWidth, t.getBoundingClientRect().width)}))"""


def tables_wider_than_paper(page) -> list[str]:
    """In print media, each table laid out at the width of its printed page must fit it. A table wider than
    the page makes Chromium shrink every page of the PDF to fit it (small print throughout)."""
    problems = []
    for wide, limit, orientation in ((False, PORTRAIT_PX, "portrait"), (True, LANDSCAPE_PX, "landscape")):
        page.set_viewport_size({"width": int(limit), "height": 900})
        for table in page.evaluate(MEASURE_TABLES, wide):
            if table["width"] > limit + 0.5:
                problems.append(f"print: table \"{table['caption']}\" is {table['width']:.0f} px wide, "
                                f"more than the {limit:.0f} px of an A4 {orientation} page")
    return problems


def inside(url: str, output: Path) -> bool:
    if url.startswith("data:"):
        return True
    parsed = urlparse(url)
    if parsed.scheme != "file":
        return False
    path = Path(unquote(parsed.path)).resolve()
    return path == output or output in path.parents


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 64
    readout = sys.argv[1]
    if not Path(CHROMIUM).exists():
        print(f"browser test: {CHROMIUM} not found (apt-get install chromium)")
        return 1
    started = time.monotonic()
    output = Path(tempfile.mkdtemp(prefix="readout-browser-")).resolve()
    if SCREENSHOTS.exists():
        shutil.rmtree(SCREENSHOTS)
    SCREENSHOTS.mkdir(parents=True)
    failures: list[str] = []
    try:
        build(readout, output)
        pages = sorted(p for p in output.rglob("*.html") if not any(part.startswith(".") for part in p.relative_to(output).parts))
        trials = {p.relative_to(output).parts[0] for p in pages if len(p.relative_to(output).parts) > 1}
        if trials != {"blinatumomab-mrd", "cdiscpilot01"}:
            failures.append(f"expected the two trials in the output, found {sorted(trials)}")
        axe = Axe()
        args = ["--no-sandbox"] if os.geteuid() == 0 else []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=args)
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            for path in pages:
                name = str(path.relative_to(output))
                page = context.new_page()
                problems: list[str] = []
                page.on("console", lambda m, problems=problems: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
                page.on("pageerror", lambda e, problems=problems: problems.append(f"page error: {e}"))
                page.on("request", lambda r, problems=problems: None if inside(r.url, output) else problems.append(f"request outside the bundle: {r.url}"))
                page.goto(path.as_uri(), wait_until="load")
                shot = SCREENSHOTS / name.replace("/", "__").replace(".html", ".png")
                page.screenshot(path=str(shot), full_page=True)
                if path.name == "report.html":
                    page.emulate_media(media="print")
                    page.screenshot(path=str(shot.with_name(shot.stem + "-print.png")), full_page=True)
                    problems += tables_wider_than_paper(page)
                    page.emulate_media(media="screen")
                    page.set_viewport_size({"width": 1280, "height": 900})
                # preload: false — axe would otherwise fetch the stylesheets itself, which the pages' CSP
                # (no connect-src) rightly blocks with a console error that is axe's, not the page's.
                results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "preload": False})
                if not results.response.get("passes"):
                    problems.append("axe-core reported no passing checks: it did not run")
                for violation in results.response.get("violations", []):
                    targets = "; ".join(", ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"])
                                        for node in violation["nodes"][:3])
                    problems.append(f"axe {violation['id']} ({violation['impact']}): {violation['help']} — {len(violation['nodes'])} node(s): {targets}")
                page.close()
                status = "ok" if not problems else f"{len(problems)} problem(s)"
                print(f"  {name}: {status}")
                failures += [f"{name}: {problem}" for problem in problems]
            browser.close()
        print(f"browser test: {len(pages)} pages, {len(failures)} problem(s), {time.monotonic() - started:.0f} s; screenshots in {SCREENSHOTS.relative_to(ROOT)}/")
    finally:
        shutil.rmtree(output, ignore_errors=True)
    for failure in failures:
        print("FAIL " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
