"""The student's path in a real browser: ``scripts/ogrenci.sh`` (JupyterLab in student mode) on a
temporary copy of ``release/``, driven by headless Chromium through Playwright with the keyboard.

02_ikili_siniflandirma: Run All on the untouched notebook shows Turkish "✗ …" lines only; the
``data`` exercise typed in passes its check ("✓ …") and the plot below it draws; a wrong
``accuracy_fn`` (no ×100) gets a short hint that mentions 100, the fixed one passes; nbgrader's
Validate reports success on a solved notebook and shows a failure's text wrapped, not cut off;
student mode has no formgrader or Create Assignment.

Screenshots of each step go to a temporary folder (their paths are printed). With
``AUTOGRADER_SCREENSHOTS=<dir>`` the README's pictures are also written there
(``AUTOGRADER_SCREENSHOTS=docs/img`` regenerates ``docs/img/ogrenci_*.png``).
Without Playwright or Chromium the test skips, unless ``AUTOGRADER_REQUIRE_BROWSER=1`` (CI).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
from helpers import ROOT

pytestmark = pytest.mark.slow

NAME = "02_ikili_siniflandirma"
SOLVED = f"{NAME}/{NAME}_cozulmus.ipynb"   # the solutions notebook, copied into the temporary course
STDERR = 'application/vnd.jupyter.stderr'
FORBIDDEN = ("Traceback", "NotImplementedError", "NameError", "Error")
WRONG_ACCURACY = (
    "def accuracy_fn(y_true, y_pred):\n"
    "    correct = torch.eq(y_true, y_pred).sum().item()\n"
    "    return correct / len(y_pred)"
)
T_START = 90_000      # ms: JupyterLab page, a kernel start with torch
T_RUN = 120_000       # ms: one cell (the checks run small models)
T_VALIDATE = 180_000  # ms: nbgrader validate runs the whole notebook


def _chromium() -> str | None:
    path = os.environ.get("AUTOGRADER_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    return path if os.path.exists(path) else None


@pytest.fixture(scope="module")
def chromium_path():
    try:
        import playwright.sync_api  # noqa: F401
        reason = None if _chromium() else "chromium yok / chromium missing (apt-get install chromium)"
    except ImportError:
        reason = "playwright yok / playwright missing (pip install -e '.[dev]')"
    if reason:
        if os.environ.get("AUTOGRADER_REQUIRE_BROWSER") == "1":
            pytest.fail(f"AUTOGRADER_REQUIRE_BROWSER=1: {reason}")
        print(f"tarayıcı testi atlandı / browser test skipped: {reason}")
        pytest.skip(reason)
    return _chromium()


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    """shot(page, name, readme=None, element=None): saves a screenshot of the step (printed path);
    with AUTOGRADER_SCREENSHOTS set, the README's ones (``readme`` names) also go there."""
    folder = tmp_path_factory.mktemp("ekran_goruntuleri")
    readme_dir = os.environ.get("AUTOGRADER_SCREENSHOTS")

    def shot(page, name: str, readme: str | None = None) -> None:
        # Lazily rendered cells (markdown, content-visibility) get a moment to paint after a scroll.
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        page.wait_for_timeout(300)
        path = folder / f"{name}.png"
        page.screenshot(path=str(path))
        print(f"ekran görüntüsü / screenshot: {path}")
        if readme and readme_dir:
            out = Path(readme_dir).resolve() / f"{readme}.png"
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, out)
            print(f"README görüntüsü / README screenshot: {out} ({out.stat().st_size // 1024} KB)")

    return shot


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(chromium_path, tmp_path_factory):
    """JupyterLab started by scripts/ogrenci.sh on a copy of release/ (plus the solved 02)."""
    tmp = tmp_path_factory.mktemp("ogrenci_modu")
    course = tmp / "course"
    shutil.copytree(ROOT / "release", course, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copyfile(ROOT / "solutions" / NAME / f"{NAME}.ipynb", course / SOLVED)
    port, token = _free_port(), secrets.token_hex(16)
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
    env.update(JUPYTER_CONFIG_DIR=str(tmp / "jupyter_config"), JUPYTER_DATA_DIR=str(tmp / "jupyter_data"),
               JUPYTER_RUNTIME_DIR=str(tmp / "jupyter_runtime"), IPYTHONDIR=str(tmp / "ipython"),
               OMP_NUM_THREADS="1")
    log_path = tmp / "jupyterlab.log"
    log = open(log_path, "w")
    proc = subprocess.Popen(
        ["bash", str(ROOT / "scripts" / "ogrenci.sh"), str(course), "--no-browser", "--ip=127.0.0.1",
         f"--port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
         "--LabApp.expose_app_in_browser=True"],
        cwd=tmp, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        while "Öğrenci modu hazır" not in log_path.read_text(encoding="utf-8", errors="replace"):
            assert proc.poll() is None and time.monotonic() < deadline, \
                "JupyterLab did not start:\n" + log_path.read_text(encoding="utf-8", errors="replace")[-3000:]
            time.sleep(0.2)
        yield {"base": f"http://127.0.0.1:{port}", "token": token, "course": course, "log": log_path}
    finally:
        for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 5)):
            if proc.poll() is not None:
                break
            try:
                os.killpg(proc.pid, sig)
                proc.wait(wait)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                pass
        log.close()
        print(f"JupyterLab günlüğü / log: {log_path}")


@pytest.fixture(scope="module")
def page(lab, chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, headless=True)
        try:
            context = browser.new_context(viewport={"width": 1100, "height": 700}, locale="tr-TR")
            context.set_default_timeout(30_000)
            pg = context.new_page()
            pg.goto(f"{lab['base']}/lab?token={lab['token']}")
            pg.wait_for_selector("#jp-main-dock-panel", timeout=T_START)
            pg.wait_for_function("window.jupyterapp && window.jupyterapp.commands.hasCommand('docmanager:open')",
                                 timeout=T_START)
            pg.evaluate("window.jupyterapp.restored")
            # More room for the notebook: the file browser's sidebar closed.
            pg.evaluate("window.jupyterapp.shell.collapseLeft()")
            yield pg
        finally:
            browser.close()


# ---------------------------------------------------------------- helpers


def _api(lab, page, method: str, path: str):
    return page.request.fetch(f"{lab['base']}/api/{path}", method=method,
                              headers={"Authorization": f"token {lab['token']}"})


def _close_all(lab, page) -> None:
    """Saves and closes every tab, then shuts every kernel down (one kernel at a time)."""
    page.evaluate("""async () => {
        const app = window.jupyterapp;
        for (const w of Array.from(app.shell.widgets('main'))) {
            if (w.context && w.context.model && w.context.model.dirty) { await w.context.save(); }
            w.dispose();
        }
    }""")
    _shutdown_kernels(lab, page)
    page.wait_for_function("document.querySelectorAll('.jp-NotebookPanel').length === 0")


def _shutdown_kernels(lab, page) -> None:
    for kind in ("sessions", "kernels"):
        for item in _api(lab, page, "GET", kind).json():
            _api(lab, page, "DELETE", f"{kind}/{item['id']}")


def _open(lab, page, path: str) -> None:
    page.evaluate("p => window.jupyterapp.commands.execute('docmanager:open', {path: p})", path)
    cells = len(json.loads((lab["course"] / path).read_text(encoding="utf-8"))["cells"])
    page.wait_for_selector(f'.jp-NotebookPanel .jp-Cell[data-windowed-list-index="{cells - 1}"]',
                           state="attached", timeout=T_START)
    # The notebook alone in the main area (no Launcher tab beside it).
    page.evaluate("""() => { for (const w of Array.from(window.jupyterapp.shell.widgets('main'))) {
        if (!w.hasClass('jp-NotebookPanel')) { w.dispose(); } } }""")


def _index(lab, path: str, cell_id: str) -> int:
    cells = json.loads((lab["course"] / path).read_text(encoding="utf-8"))["cells"]
    return next(i for i, c in enumerate(cells) if c.get("id") == cell_id)


def _cell(page, i: int):
    return page.locator(f'.jp-NotebookPanel .jp-Cell[data-windowed-list-index="{i}"]')


def _prompt(page, i: int) -> str:
    return _cell(page, i).locator(".jp-InputPrompt").text_content() or ""


def _show(page, i: int) -> None:
    _cell(page, i).evaluate("e => e.scrollIntoView({block: 'center'})")


def _run(page, i: int) -> None:
    """Selects cell i (command mode), runs it with Ctrl+Enter and waits for its new execution count."""
    before = _prompt(page, i)
    _show(page, i)
    _cell(page, i).locator(".jp-InputPrompt").click()
    page.keyboard.press("Control+Enter")
    page.wait_for_function(
        """([i, before]) => {
            const p = document.querySelector(`.jp-NotebookPanel .jp-Cell[data-windowed-list-index="${i}"] .jp-InputPrompt`);
            return p && p.textContent !== before && /\\[\\d+\\]/.test(p.textContent);
        }""", arg=[i, before], timeout=T_RUN)


def _type(page, i: int, code: str) -> None:
    """Clicks into the cell's editor, selects all and types the code line by line (the editor's own
    indentation after Enter is selected and typed over, so the result is exactly ``code``)."""
    _show(page, i)
    _cell(page, i).locator(".cm-content").click()
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    for n, line in enumerate(code.split("\n")):
        if n:
            page.keyboard.press("Enter")
            page.keyboard.press("Shift+Home")
        if line:
            page.keyboard.type(line)
        elif n:
            page.keyboard.press("Delete")
    typed = _cell(page, i).evaluate(
        "e => Array.from(e.querySelectorAll('.cm-line')).map(l => l.textContent).join('\\n')")
    assert typed == code, f"the editor holds {typed!r}, not {code!r}"
    page.keyboard.press("Escape")


def _outputs(page, i: int, mime: str | None = None) -> list[str]:
    sel = ".jp-OutputArea-output" + (f'[data-mime-type="{mime}"]' if mime else "")
    return [t or "" for t in _cell(page, i).locator(sel).all_text_contents()]


def _lines(texts: list[str]) -> list[str]:
    return [ln.strip() for t in texts for ln in t.splitlines() if ln.strip()]


def _solution(cell_id: str) -> str:
    nb = json.loads((ROOT / "solutions" / NAME / f"{NAME}.ipynb").read_text(encoding="utf-8"))
    source = next(c["source"] for c in nb["cells"] if c.get("id") == cell_id)
    return "".join(source) if isinstance(source, list) else source


def _assert_turkish_only(texts: list[str], what: str) -> None:
    assert texts, f"{what}: no error output"
    for text in texts:
        assert text.strip().startswith("✗"), f"{what}: not a Turkish ✗ line:\n{text}"
        bad = [w for w in FORBIDDEN if w in text]
        assert not bad, f"{what}: {bad} visible:\n{text}"


@pytest.fixture(scope="module")
def nb(lab, page):
    """The release 02 notebook open in the browser (one kernel)."""
    path = f"{NAME}/{NAME}.ipynb"
    _close_all(lab, page)
    _open(lab, page, path)
    return {"path": path, **{k: _index(lab, path, k) for k in
                              ("c001", "data", "test_data", "c005", "accuracy_fn", "test_accuracy_fn")}}


# ---------------------------------------------------------------- tests


def test_e_student_mode_has_no_instructor_tools(lab, page, shots):
    commands = page.evaluate("""() => Object.fromEntries(['nbgrader:open-formgrader', 'nbgrader:open-formgrader-local',
        'nbgrader:open-create-assignment', 'nbgrader:open-course-list', 'nbgrader:open-assignment-list',
        'launcher:create'].map(c => [c, window.jupyterapp.commands.hasCommand(c)]))""")
    assert commands == {"nbgrader:open-formgrader": False, "nbgrader:open-formgrader-local": False,
                        "nbgrader:open-create-assignment": False, "nbgrader:open-course-list": False,
                        "nbgrader:open-assignment-list": True, "launcher:create": True}
    # The Nbgrader menu: the assignment list only.
    page.locator("#jp-menu-panel .lm-MenuBar-itemLabel", has_text="Nbgrader").click()
    menu = page.locator("#jp-mainmenu-nbgrader")
    menu.wait_for()
    items = [t.strip() for t in menu.locator(".lm-Menu-item:visible .lm-Menu-itemLabel").all_text_contents()]
    assert items == ["Assignment List"], items
    shots(page, "01_nbgrader_menusu")
    page.keyboard.press("Escape")
    # The launcher and the sidebars: no Formgrader, no Create Assignment panel.
    page.evaluate("window.jupyterapp.commands.execute('launcher:create')")
    page.locator(".jp-Launcher").first.wait_for()
    launcher = page.locator(".jp-Launcher").first.text_content()
    assert "Formgrader" not in launcher and "Python 3" in launcher
    sidebars = " ".join(page.locator(".jp-SideBar").all_text_contents()) + " ".join(
        t or "" for t in page.locator(".jp-SideBar .lm-TabBar-tab").evaluate_all(
            "tabs => tabs.map(t => t.getAttribute('title') || '')"))
    assert "Create Assignment" not in sidebars
    assert page.locator("#nbgrader-create_assignemnt").count() == 0
    # The command palette finds neither.
    page.keyboard.press("Control+Shift+C")
    palette = page.locator(".lm-CommandPalette input")
    palette.wait_for()
    for query in ("formgrader", "create assignment"):
        palette.fill(query)
        page.wait_for_timeout(300)
        labels = page.locator(".lm-CommandPalette-item .lm-CommandPalette-itemLabel").all_text_contents()
        assert not [x for x in labels if "formgrader" in x.lower() or "create assignment" in x.lower()], labels
    palette.fill("assignment list")
    page.locator(".lm-CommandPalette-item", has_text="Assignment List").first.wait_for()
    page.keyboard.press("Escape")
    # The server: no formgrader handler at all.
    status = page.request.get(f"{lab['base']}/formgrader?token={lab['token']}").status
    assert status == 404
    shots(page, "02_baslatici")
    page.evaluate("window.jupyterapp.commands.execute('application:close-all')")


def test_a_untouched_run_all_shows_turkish_only(lab, page, nb, shots):
    _cell(page, nb["c001"]).locator(".jp-InputPrompt").click()
    page.keyboard.press("Control+Shift+C")
    palette = page.locator(".lm-CommandPalette input")
    palette.wait_for()
    page.keyboard.type("Run All Cells")
    active = page.locator(".lm-CommandPalette-item.lm-mod-active .lm-CommandPalette-itemLabel")
    assert active.text_content().strip() == "Run All Cells"
    page.keyboard.press("Enter")
    # Run All stops at the first failing cell: the data exercise.
    _cell(page, nb["data"]).locator(f'.jp-OutputArea-output[data-mime-type="{STDERR}"]').wait_for(
        state="attached", timeout=T_RUN)
    page.wait_for_function("!Array.from(document.querySelectorAll('.jp-NotebookPanel .jp-InputPrompt'))"
                           ".some(p => p.textContent.includes('*'))", timeout=T_RUN)
    _show(page, nb["data"])
    shots(page, "03_dokunulmamis_run_all", readme="ogrenci_1_calistir")
    errors = page.locator(f'.jp-NotebookPanel .jp-OutputArea-output[data-mime-type="{STDERR}"]')
    texts = [t or "" for t in errors.all_text_contents()]
    print("hata çıktıları / error outputs:", texts)
    _assert_turkish_only(texts, "untouched Run All")
    assert all(len(_lines([t])) == 1 for t in texts), texts


def test_b_data_cell_passes_and_plot_draws(lab, page, nb, shots):
    _run(page, nb["c001"])
    _type(page, nb["data"], _solution("data"))
    _run(page, nb["data"])
    assert not _outputs(page, nb["data"], STDERR), _outputs(page, nb["data"])
    _run(page, nb["test_data"])
    _show(page, nb["test_data"])
    shots(page, "04_data_gecti")
    out = _lines(_outputs(page, nb["test_data"]))
    print("data kontrolü / data check:", out)
    assert any(ln.startswith("✓") for ln in out), out
    assert not _outputs(page, nb["test_data"], STDERR)
    _run(page, nb["c005"])
    img = _cell(page, nb["c005"]).locator('.jp-OutputArea-output img[src^="data:image/png"]')
    img.wait_for(state="attached", timeout=T_RUN)
    _show(page, nb["c005"])
    shots(page, "05_grafik")


def test_c_wrong_accuracy_gets_short_hint_then_passes(lab, page, nb, shots):
    _run(page, nb["c001"])   # torch in the kernel, whichever tests ran before
    _type(page, nb["accuracy_fn"], WRONG_ACCURACY)
    _run(page, nb["accuracy_fn"])
    _run(page, nb["test_accuracy_fn"])
    _show(page, nb["test_accuracy_fn"])
    shots(page, "06_yanlis_accuracy_ipucu", readme="ogrenci_2_ipucu")
    errors = _outputs(page, nb["test_accuracy_fn"], STDERR)
    print("yanlış accuracy_fn / wrong accuracy_fn:", errors)
    _assert_turkish_only(errors, "wrong accuracy_fn")
    lines = _lines(errors)
    assert len(lines) <= 3 and "100" in " ".join(lines), lines

    _type(page, nb["accuracy_fn"], _solution("accuracy_fn"))
    _run(page, nb["accuracy_fn"])
    _run(page, nb["test_accuracy_fn"])
    _show(page, nb["test_accuracy_fn"])
    shots(page, "07_accuracy_gecti", readme="ogrenci_3_gecti")
    out = _lines(_outputs(page, nb["test_accuracy_fn"]))
    print("düzeltilmiş accuracy_fn / fixed accuracy_fn:", out)
    assert any(ln.startswith("✓") for ln in out) and not _outputs(page, nb["test_accuracy_fn"], STDERR), out


def _validate(page):
    """Clicks nbgrader's Validate button in the notebook's toolbar; returns the results dialog."""
    page.locator(".jp-NotebookPanel-toolbar jp-button", has_text="Validate").click()
    dialog = page.locator(".jp-Dialog", has=page.locator("#validation-message"))
    dialog.wait_for(timeout=T_VALIDATE)
    return dialog


def test_d_validate_failure_is_wrapped(lab, page, nb, shots):
    """The half-done release notebook: Validate lists failing cells; their text wraps in the dialog."""
    _shutdown_kernels(lab, page)   # nbgrader's own kernel is the only one while it validates
    dialog = _validate(page)
    shots(page, "08_validate_hata")
    pres = dialog.locator("#validation-message pre")
    assert pres.count() > 0, dialog.text_content()
    for style in pres.evaluate_all("ps => ps.map(p => [getComputedStyle(p).whiteSpace, p.scrollWidth, p.clientWidth])"):
        assert style[0] == "pre-wrap" and style[1] <= style[2] + 1, style
    dialog.locator(".jp-Dialog-button.jp-mod-accept").click()
    dialog.wait_for(state="detached")


def test_d_validate_solved_notebook_succeeds(lab, page, shots):
    _close_all(lab, page)
    _open(lab, page, SOLVED)
    _shutdown_kernels(lab, page)
    dialog = _validate(page)
    shots(page, "09_validate_basarili", readme="ogrenci_4_dogrula")
    text = dialog.text_content()
    print("Validate:", text)
    assert dialog.locator("#validation-message.validation-success").count() == 1, text
    assert "Success! Your notebook passes all the tests." in text
    dialog.locator(".jp-Dialog-button.jp-mod-accept").click()
    dialog.wait_for(state="detached")
    _close_all(lab, page)
