"""The documentation site in a real browser: headless Chromium, driven by selenium.

Run by ``make test-site``, after ``make docs``: the built site is served on 127.0.0.1, and every
page the tests open must load without a console error and without a request to another host.
Screenshots of a round page and a force page are saved under ``docs/_build/screenshots/``.
"""

from __future__ import annotations

import functools
import http.server
import json
import pathlib
import tempfile
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

import policegrades as pg

SITE = pathlib.Path(__file__).resolve().parents[1] / "docs" / "_build" / "html"
SHOTS = SITE.parent / "screenshots"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Serve without a line per request."""


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    assert (SITE / "index.html").is_file(), "build the site first: make docs"
    handler = functools.partial(_Quiet, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1600,1100",
        f"--user-data-dir={tempfile.mkdtemp()}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    yield driver
    driver.quit()


def _log(browser: webdriver.Chrome, kind: str) -> list[dict[str, Any]]:
    """The browser's log of ``kind`` since it was last read (selenium leaves this untyped)."""
    entries: list[dict[str, Any]] = browser.get_log(kind)  # type: ignore[no-untyped-call]
    return entries


def _open(browser: webdriver.Chrome, url: str) -> None:
    _log(browser, "browser")
    _log(browser, "performance")
    browser.get(url)
    browser.execute_script("return document.readyState")


def _requests(browser: webdriver.Chrome) -> list[str]:
    urls = []
    for entry in _log(browser, "performance"):
        message: dict[str, Any] = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def _only_here(browser: webdriver.Chrome, base: str) -> None:
    errors = [e for e in _log(browser, "browser") if e["level"] == "SEVERE"]
    assert errors == []
    # The browser's own pages (chrome://) travel no network; every other request must stay here.
    network = [u for u in _requests(browser) if u.startswith(("http:", "https:", "ws:", "wss:"))]
    away = [u for u in network if not u.startswith(base)]
    assert away == []


def _click(browser: webdriver.Chrome, element: Any) -> None:
    """Click as a reader would, once the element is on screen.

    The maps above a table must have loaded, or the table moves under the click; the theme
    scrolls smoothly, so the scroll is asked to be instant.
    """
    WebDriverWait(browser, 10).until(
        lambda b: b.execute_script("return Array.from(document.images).every(i => i.complete)")
    )
    browser.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element
    )
    element.click()


def _rows(browser: webdriver.Chrome) -> list[Any]:
    return browser.find_elements(By.CSS_SELECTOR, "table.peel tbody tr")


def _visible_names(browser: webdriver.Chrome) -> list[str]:
    return [r.get_attribute("data-force") or "" for r in _rows(browser) if r.is_displayed()]


def test_a_round_page_shows_a_row_per_force_with_its_grades(
    browser: webdriver.Chrome, base: str
) -> None:
    _open(browser, f"{base}/generated/rounds/peel-2018-19.html")
    rows = _rows(browser)
    assert len(rows) == 43
    (cleveland,) = [r for r in rows if r.get_attribute("data-force") == "Cleveland Police"]
    headers = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "table.peel tr.sort th")]
    cells = [cleveland.find_element(By.TAG_NAME, "th"), *cleveland.find_elements(By.TAG_NAME, "td")]
    by_header = {h: c.text for h, c in zip(headers, cells, strict=True)}
    assert by_header["Effectiveness"] == "inadequate"
    assert by_header["Efficiency"] == "inadequate"
    assert by_header["Legitimacy"] == "inadequate"
    expected = pg.inspection("Durham", "2018/19").grade("effectiveness")
    (durham,) = [r for r in rows if r.get_attribute("data-force") == "Durham Constabulary"]
    assert durham.find_elements(By.TAG_NAME, "td")[0].text == str(expected)
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SHOTS / "round-peel-2018-19.png"))
    _only_here(browser, base)


def test_sorting_by_a_column_reorders_the_rows(browser: webdriver.Chrome, base: str) -> None:
    _open(browser, f"{base}/generated/rounds/peel-2018-19.html")
    before = _visible_names(browser)
    header = browser.find_elements(By.CSS_SELECTOR, "table.peel tr.sort th")[1]
    _click(browser, header)
    after = _visible_names(browser)
    assert after != before
    assert sorted(after) == sorted(before)
    ranks = [
        int(r.find_elements(By.TAG_NAME, "td")[0].get_attribute("data-sort") or 0)
        for r in _rows(browser)
    ]
    assert ranks == sorted(ranks)
    _click(browser, header)
    ranks = [
        int(r.find_elements(By.TAG_NAME, "td")[0].get_attribute("data-sort") or 0)
        for r in _rows(browser)
    ]
    assert ranks == sorted(ranks, reverse=True)
    _only_here(browser, base)


def test_filtering_finds_cleveland(browser: webdriver.Chrome, base: str) -> None:
    _open(browser, f"{base}/generated/rounds/peel-2021-22.html")
    box = browser.find_element(By.CSS_SELECTOR, "input.force-filter")
    box.send_keys("cleveland")
    assert _visible_names(browser) == ["Cleveland Police"]
    box.clear()
    box.send_keys("york")
    assert _visible_names(browser) == [
        "North Yorkshire Police",
        "West Yorkshire Police",
        "South Yorkshire Police",
    ]
    _only_here(browser, base)


def test_the_2021_22_page_shows_published_counts_where_grades_are_missing(
    browser: webdriver.Chrome, base: str
) -> None:
    _open(browser, f"{base}/generated/rounds/peel-2021-22.html")
    (gmp,) = [
        r for r in _rows(browser) if r.get_attribute("data-force") == "Greater Manchester Police"
    ]
    counts = gmp.find_element(By.CSS_SELECTOR, "td.counts").text
    assert counts == "adequate: 1; requires improvement: 5; inadequate: 3"
    _only_here(browser, base)


def test_every_chart_on_a_force_page_has_loaded(browser: webdriver.Chrome, base: str) -> None:
    _open(browser, f"{base}/generated/forces/cleveland.html")
    images = browser.find_elements(By.TAG_NAME, "img")
    charts = [i for i in images if "cleveland" in (i.get_attribute("src") or "")]
    assert charts
    for image in images:
        loaded = browser.execute_script(
            "return arguments[0].complete && arguments[0].naturalWidth > 0", image
        )
        assert loaded, image.get_attribute("src")
    assert "Where it stood in each round" in browser.page_source
    assert "42nd of the 42 forces that can be ranked" in browser.page_source
    browser.save_screenshot(str(SHOTS / "force-cleveland.png"))
    _only_here(browser, base)


@pytest.mark.parametrize("page", ["index.html", "generated/coverage.html", "site.html"])
def test_other_pages_load_from_here_alone(browser: webdriver.Chrome, base: str, page: str) -> None:
    _open(browser, f"{base}/{page}")
    assert browser.title
    _only_here(browser, base)


def _engage_rows(browser: webdriver.Chrome) -> list[Any]:
    return browser.find_elements(By.CSS_SELECTOR, "table.engage tbody tr")


def test_the_engage_page_shows_every_period_its_chart_and_who_is_in_as_last_known(
    browser: webdriver.Chrome, base: str
) -> None:
    _open(browser, f"{base}/generated/engage.html")
    periods = pg.engage_periods()
    rows = _engage_rows(browser)
    assert [r.get_attribute("data-force") for r in rows] == [p.force.name for p in periods]
    (lincolnshire,) = [r for r in rows if r.get_attribute("data-force") == "Lincolnshire Police"]
    entered, left = (c.text for c in lincolnshire.find_elements(By.TAG_NAME, "td")[:2])
    assert (entered, left) == ("6 December 2024", "still in when last reported, 14 May 2025")
    (chart,) = [
        i
        for i in browser.find_elements(By.TAG_NAME, "img")
        if "engage.png" in (i.get_attribute("src") or "")
    ]
    assert browser.execute_script(
        "return arguments[0].complete && arguments[0].naturalWidth > 0", chart
    )
    last_known = browser.find_element(By.ID, "as-last-known").text
    assert "nothing after 30 July 2025" in last_known
    assert "Lincolnshire Police was in Engage from 6 December 2024" in last_known
    assert browser.page_source.count('class="sources"') == len(periods)
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SHOTS / "engage.png"))
    _only_here(browser, base)


def test_sorting_the_engage_table_by_exit_puts_the_open_period_last(
    browser: webdriver.Chrome, base: str
) -> None:
    _open(browser, f"{base}/generated/engage.html")
    header = browser.find_elements(By.CSS_SELECTOR, "table.engage tr.sort th")[2]
    _click(browser, header)
    names = [r.get_attribute("data-force") for r in _engage_rows(browser)]
    assert names[0] == "Greater Manchester Police"  # left first, in October 2022
    assert names[-1] == "Lincolnshire Police"  # still in when last reported
    _only_here(browser, base)


def test_a_force_page_shows_its_engage_periods_or_says_it_has_none(
    browser: webdriver.Chrome, base: str
) -> None:
    _open(browser, f"{base}/generated/forces/cleveland.html")
    source = browser.page_source
    assert "In Engage from 2019 to September 2023" in source
    reasons = pg.engage_periods("Cleveland")[0].reasons
    items = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#monitoring li")]
    assert all(reason in items for reason in reasons)
    _open(browser, f"{base}/generated/forces/durham.html")
    assert "No period of this force in Engage is in the data" in browser.page_source
    _only_here(browser, base)


def test_a_round_page_shows_a_tile_map_of_each_graded_area(
    browser: webdriver.Chrome, base: str
) -> None:
    _open(browser, f"{base}/generated/rounds/peel-2023-25.html")
    (maps,) = browser.find_elements(By.CSS_SELECTOR, "svg.tilemap")
    graded = [a for a in pg.framework("2023-25").top_level_areas if a.graded]
    titles = [t.get_attribute("textContent") for t in maps.find_elements(By.TAG_NAME, "title")]
    assert len(titles) == 43 * len(graded)
    assert "Cleveland Police, Preventing crime: good" in titles
    browser.execute_script(
        "arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})", maps
    )
    assert maps.size["width"] > 300
    browser.save_screenshot(str(SHOTS / "round-peel-2023-25-maps.png"))
    _only_here(browser, base)


def test_the_engage_page_shows_the_map_as_last_known(browser: webdriver.Chrome, base: str) -> None:
    _open(browser, f"{base}/generated/engage.html")
    (engaged,) = browser.find_elements(By.CSS_SELECTOR, "svg.tilemap")
    titles = [t.get_attribute("textContent") for t in engaged.find_elements(By.TAG_NAME, "title")]
    assert len(titles) == 43
    assert "Lincolnshire Police: perhaps in Engage" in titles
    _only_here(browser, base)
