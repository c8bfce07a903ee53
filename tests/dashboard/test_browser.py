"""The dashboard in a real headless browser (#11): Debian's chromium through chromedriver,
on a store ingested with the real pipeline from the pages in tests/dashboard/pages/.

`make test` installs chromium and chromium-driver (the Makefile's `browser` target); without
them, or without the spaCy model, these tests skip. The server listens on 127.0.0.1 only, and
every test checks that no request left it. Screenshots go to build/screenshots/.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from api.toy_store import build_store
from dateline.api import create_app
from dateline.batch import IngestOptions, ingest
from dateline.config import Settings
from dateline.pipeline import default_stages
from dateline.store import Store

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402

pytestmark = pytest.mark.model

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
PAGES = Path(__file__).parent / "pages"
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--disable-default-apps", "--window-size=1400,1800",
)  # fmt: skip
MAP_POINTS = "#map .scatterlayer .trace:not(:first-child) .point"  # the first is the outline
NETWORK_NODES = "#network .scatterlayer .trace:last-child .point"  # edges come first
WAIT = 30.0  # seconds; the shared 2-core box can be slow to draw


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _require_chromium()
    path = tmp_path_factory.mktemp("store") / "browser.duckdb"
    with Store(path) as store:
        ingest([str(PAGES)], store, options=IngestOptions(stages=default_stages()),
               settings=Settings())  # fmt: skip
    with serving(path) as url:
        yield url


def _require_chromium() -> None:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("chromium and chromium-driver are not installed (make browser)")


@contextmanager
def serving(path: Path) -> Iterator[str]:
    """Serve the store at `path` on a free loopback port; yield the server's URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    _until(lambda: running.started, "the server to start")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        running.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(WAIT)
    yield driver
    driver.quit()


def _until(ready: Callable[[], Any], what: str) -> Any:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if value := ready():
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def _open(browser: WebDriver, url: str) -> None:
    browser.get(url)
    _until(lambda: browser.execute_script("return document.body.dataset.ready"), "the page")
    assert browser.find_element(By.ID, "error").text == ""


def _requests(browser: WebDriver) -> list[str]:
    """Return the URL of every network request the page made (Chrome's performance log)."""
    urls = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def _shot(browser: WebDriver, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SHOTS / f"{name}.png"))


def _counts(browser: WebDriver) -> dict[str, int]:
    """Return what each view drew: map points, timeline bars, network nodes, table rows."""
    found = {"points": MAP_POINTS, "bars": "#timeline .barlayer .point",
             "nodes": NETWORK_NODES, "rows": "#events tbody tr"}  # fmt: skip
    return {key: len(browser.find_elements(By.CSS_SELECTOR, css)) for key, css in found.items()}


def _click(browser: WebDriver, css: str) -> None:
    """Move onto the first element matching `css`, let plotly see the hover, and click."""
    target = _until(lambda: browser.find_elements(By.CSS_SELECTOR, css), css)[0]
    ActionChains(browser).move_to_element(target).pause(0.5).click().perform()


def test_dashboard_loads_offline_with_no_console_error(server: str, browser: WebDriver) -> None:
    _open(browser, f"{server}/")
    _shot(browser, "dashboard")
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
    web = [u for u in _requests(browser) if u.startswith(("http:", "https:", "ws:", "wss:"))]
    assert web, "the page made no request at all"
    assert all(u.startswith(f"{server}/") for u in web), [u for u in web if server not in u]
    assert f"{server}/vendor/plotly.min.js" in web


def test_map_timeline_and_network_draw_the_store(server: str, browser: WebDriver) -> None:
    _open(browser, f"{server}/")
    counts = _until(lambda: (c := _counts(browser))["points"] and c, "the views to draw")
    assert counts["points"] >= 2  # Beirut and Warsaw at least
    assert counts["bars"] >= 3
    assert counts["nodes"] >= 3
    assert counts["rows"] >= 10
    # The pages span two weeks, so the timeline draws days (weeks past ~3 months).
    assert browser.find_element(By.ID, "timeline").get_attribute("data-period") == "day"
    assert browser.find_element(By.ID, "events-count").text.startswith("(")


def test_a_filter_narrows_every_view_and_stays_in_the_url(server: str, browser: WebDriver) -> None:
    _open(browser, f"{server}/")
    everything = _until(lambda: (c := _counts(browser))["points"] and c, "the views")
    form = browser.find_element(By.ID, "scope")
    form.find_element(By.NAME, "actor").send_keys("Hezbollah")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    _until(lambda: "actor=Hezbollah" in browser.current_url, "the filter in the URL")
    _until(lambda: browser.execute_script("return document.body.dataset.ready"), "the views")
    narrowed = _counts(browser)
    _shot(browser, "filtered")
    for view in ("points", "bars", "nodes"):
        assert narrowed[view] < everything[view], view
    who = [
        td.text for td in browser.find_elements(By.CSS_SELECTOR, "#events tbody td:nth-child(3)")
    ]
    assert who
    assert all("Hezbollah" in text for text in who)
    shared = browser.current_url  # a shared link opens the same view
    _open(browser, shared)
    assert browser.find_element(By.NAME, "actor").get_attribute("value") == "Hezbollah"
    assert _until(lambda: _counts(browser)["rows"], "the table") == narrowed["rows"]


def test_clicking_an_actor_filters_by_it(server: str, browser: WebDriver) -> None:
    _open(browser, f"{server}/")
    _until(lambda: _counts(browser)["nodes"], "the network")
    _click(browser, NETWORK_NODES)
    actor = _until(lambda: browser.find_element(By.NAME, "actor").get_attribute("value"),
                   "the actor filter")  # fmt: skip
    assert f"actor={actor.replace(' ', '+')}" in browser.current_url


def test_clicking_an_event_shows_its_article_with_the_evidence(
    server: str, browser: WebDriver
) -> None:
    _open(browser, f"{server}/")
    row = _until(lambda: browser.find_elements(By.CSS_SELECTOR, "#events tbody tr"), "rows")[0]
    event_id = row.get_attribute("data-id")
    row.click()
    mark = _until(lambda: browser.find_elements(By.CSS_SELECTOR, "#provenance mark.evidence"),
                  "the evidence")[0]  # fmt: skip
    _shot(browser, "provenance")
    event = json.loads(browser.execute_script(
        f"return await (await fetch('events/{event_id}')).text()"
    ))["event"]  # fmt: skip
    assert mark.text == event["text"]
    panel = browser.find_element(By.ID, "provenance").text
    assert event["headline"] in panel
    assert event["url"] in panel
    assert event["publisher"] in panel
    article = browser.find_element(By.CSS_SELECTOR, "#provenance .article-text").text
    assert article.index(event["text"]) >= 0


def test_clicking_an_incident_on_the_map_lists_every_report(
    server: str, browser: WebDriver
) -> None:
    _open(browser, f"{server}/?type=ASSAULT&place=Beirut&dyad=Israel,Hamas")
    _click(browser, MAP_POINTS)
    reports = _until(lambda: browser.find_elements(By.CSS_SELECTOR, "#provenance .report"),
                     "the reports")  # fmt: skip
    assert len(reports) == 2  # the Beirut strike, told by two outlets
    text = browser.find_element(By.ID, "provenance").text
    assert "Cedar Wire" in text
    assert "Levant Daily" in text


def test_docs_render_offline(server: str, browser: WebDriver) -> None:
    browser.get(f"{server}/docs")
    _until(lambda: browser.find_elements(By.CSS_SELECTOR, ".swagger-ui .opblock"), "Swagger UI")
    _shot(browser, "docs")
    paths = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")]
    assert "/events" in paths
    assert "/incidents/{incident_id}" in paths
    web = [u for u in _requests(browser) if u.startswith(("http:", "https:"))]
    assert all(u.startswith(f"{server}/") for u in web), web
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []


def test_brushing_the_timeline_filters_every_view_by_dates(server: str, browser: WebDriver) -> None:
    _open(browser, f"{server}/")
    everything = _until(lambda: (c := _counts(browser))["bars"] and c, "the timeline")
    area = browser.find_element(By.CSS_SELECTOR, "#timeline .nsewdrag")
    width = area.size["width"]
    # Drag across the second half of the plot: the later week (Ukraine), not the first.
    ActionChains(browser).move_to_element_with_offset(area, width // 10, 0).click_and_hold() \
        .move_by_offset(width // 3, 0).pause(0.2).move_by_offset(width // 10, 0) \
        .release().perform()  # fmt: skip
    since = _until(lambda: browser.find_element(By.NAME, "since").get_attribute("value"),
                   "the brushed dates")  # fmt: skip
    until = browser.find_element(By.NAME, "until").get_attribute("value")
    assert since <= until
    _until(lambda: f"since={since}" in browser.current_url, "the dates in the URL")
    _until(lambda: browser.execute_script("return document.body.dataset.ready"), "the views")
    narrowed = _counts(browser)
    _shot(browser, "brushed")
    assert narrowed["rows"] < everything["rows"]
    assert narrowed["bars"] < everything["bars"]
    assert narrowed["points"] <= everything["points"]
    assert narrowed["nodes"] <= everything["nodes"]


def test_dashboard_fits_a_phone(server: str, browser: WebDriver) -> None:
    browser.set_window_size(390, 844)
    _open(browser, f"{server}/")
    overflow = browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    _shot(browser, "phone")
    assert overflow <= 0
    assert _counts(browser)["points"]


def test_report_of_the_ingested_pages_links_every_incident_to_its_articles(
    server: str, browser: WebDriver
) -> None:
    _open(browser, f"{server}/")
    browser.find_element(By.ID, "report-html").click()
    _until(lambda: browser.find_elements(By.CSS_SELECTOR, "ol.incidents > li"), "the report")
    _shot(browser, "report")
    period = [t.get_attribute("datetime") for t in browser.find_elements(By.TAG_NAME, "time")]
    assert period[:2] == ["2023-12-17", "2024-01-15"]  # the 30 days to the latest incident
    for incident in browser.find_elements(By.CSS_SELECTOR, "ol.incidents > li"):
        links = incident.find_elements(By.CSS_SELECTOR, "ul.articles a")
        assert links, incident.text
        for link in links:
            assert link.get_attribute("href").startswith("https://")
            assert link.text  # the headline
            assert link.get_attribute("href") in incident.text  # and the URL, written out
    for cite in browser.find_elements(By.CSS_SELECTOR, ".cites a"):
        target = cite.get_attribute("href").split("#", 1)[1]
        assert browser.find_elements(By.ID, target), target
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []


def test_clicking_a_bar_lists_the_incidents_it_counts(server: str, browser: WebDriver) -> None:
    _open(browser, f"{server}/")
    _until(lambda: _counts(browser)["bars"], "the timeline")
    _click(browser, "#timeline .barlayer .point")
    kind = _until(lambda: browser.find_element(By.NAME, "type").get_attribute("value"),
                  "the type filter")  # fmt: skip
    _until(lambda: browser.execute_script("return document.body.dataset.ready"), "the views")
    since = browser.find_element(By.NAME, "since").get_attribute("value")
    assert since == browser.find_element(By.NAME, "until").get_attribute("value")  # one day
    types = {td.text for td in browser.find_elements(By.CSS_SELECTOR, "#events td:nth-child(2)")}
    assert types == {kind}
    assert f"type={kind}" in browser.current_url


def test_a_page_that_names_a_javascript_address_gets_no_link(
    tmp_path: Path, browser: WebDriver
) -> None:
    _require_chromium()
    path = build_store(tmp_path / "toy.duckdb")
    with Store(path) as store:
        store.con.execute("UPDATE articles SET url = 'javascript:alert(1)'")
    with serving(path) as url:
        _open(browser, f"{url}/")
        _until(lambda: browser.find_elements(By.CSS_SELECTOR, "#events tbody tr"), "rows")[
            0
        ].click()
        _until(lambda: browser.find_elements(By.CSS_SELECTOR, "#provenance .report"), "report")
        panel = browser.find_element(By.ID, "provenance")
        assert "javascript:alert(1)" in panel.text  # shown as text
        assert panel.find_elements(By.CSS_SELECTOR, "a[href^='javascript']") == []


def test_the_tables_sort_and_the_timelines_step_stay_in_the_url(
    server: str, browser: WebDriver
) -> None:
    _open(browser, f"{server}/")
    browser.find_element(By.CSS_SELECTOR, "#events th[data-sort=confidence]").click()
    _until(lambda: "sort=-confidence" in browser.current_url, "the sort in the URL")
    _until(lambda: browser.execute_script("return document.body.dataset.ready"), "the table")
    shared = browser.current_url
    _open(browser, shared)
    cells = browser.find_elements(By.CSS_SELECTOR, "#events tbody td:nth-child(6)")
    confidences = [float(td.text) for td in cells]
    assert confidences == sorted(confidences, reverse=True)
    assert "sorted-desc" in browser.find_element(
        By.CSS_SELECTOR, "#events th[data-sort=confidence]").get_attribute("class")  # fmt: skip
    _open(browser, f"{server}/?period=week")
    assert browser.find_element(By.ID, "timeline").get_attribute("data-period") == "week"
