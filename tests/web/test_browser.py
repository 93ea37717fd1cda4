"""Browser tests: Playwright driving Debian's Chromium against a live server.

Set ``JIXIAO_SCREENSHOTS=docs/images`` to write the screenshots of the main pages
(``web-*.png``) there; otherwise they go to a temporary directory.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # ORM set-up while Playwright's loop runs

playwright_sync = pytest.importorskip("playwright.sync_api")
expect = playwright_sync.expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
PASSWORD = "jixiao-demo"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed")
    with playwright_sync.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def shots(tmp_path) -> Path:
    target = os.environ.get("JIXIAO_SCREENSHOTS")
    path = Path(target) if target else tmp_path
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def demo(transactional_db):
    from jixiao.web import demo as demo_data

    demo_data.load()
    return demo_data


def login(browser, base: str, username: str):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(base + "/login/")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("#login-submit")
    expect(page.locator(".who .user")).to_contain_text(username)
    return page


def draft_of(unit_name: str):
    from jixiao.web.records.models import FormRecord

    return FormRecord.objects.filter(unit__name=unit_name, state="draft", year=2022).order_by("pk").first()


@pytest.mark.parametrize("username,role", [("filler", "填报人"), ("reviewer", "审核人"), ("finance", "财政局")])
def test_each_role_logs_in(browser, live_server, demo, username, role, shots):
    page = login(browser, live_server.url, username)
    expect(page.locator(".who .user")).to_contain_text(role)
    expect(page.locator("#product")).to_have_text("绩效自评")
    if username == "filler":
        page.screenshot(path=str(shots / "web-home.png"), full_page=True)
    page.context.close()


def test_fill_submit_review_publish(browser, live_server, demo, shots):
    from jixiao.web.records.models import FormRecord

    record = draft_of(demo.DEPT_A)
    missing = next(i for i, ind in enumerate(record.data["indicators"])
                   if ind["deviation"] and ind["score"] < ind["weight"])
    reason = record.data["indicators"][missing]["deviation"]
    record.data["indicators"][missing]["deviation"] = None
    record.save()
    base = live_server.url

    filler = login(browser, base, "filler")
    filler.goto(f"{base}/forms/{record.pk}/edit/")
    total = filler.locator("#computed-total")
    before = total.inner_text()
    assert re.fullmatch(r"\d+(\.\d+)?", before), before
    expect(filler.locator("#indicators .reading").first).not_to_be_empty()
    first_actual = filler.locator("input[name='ind.actual']").first
    first_actual.fill("100人")
    expect(total).not_to_have_text(before)
    assert float(total.inner_text()) < float(before)
    first_actual.fill("343人")
    expect(total).to_have_text(before)
    filler.screenshot(path=str(shots / "web-editor.png"), full_page=True)

    # submit with the reason missing: blocked, the form stays a draft
    filler.click("#save-submit")
    expect(filler.locator(".messages")).to_contain_text("不能提交")
    expect(filler.locator("#state")).to_have_text("草稿")
    # write the reason, then submit
    filler.goto(f"{base}/forms/{record.pk}/edit/")
    filler.locator("textarea[name='ind.deviation']").nth(missing).fill(reason)
    expect(filler.locator("#blocking-count")).to_have_text("0")
    filler.click("#save-submit")
    expect(filler.locator("#state")).to_have_text("已提交")

    reviewer = login(browser, base, "reviewer")
    reviewer.goto(f"{base}/forms/{record.pk}/")
    reviewer.click("#act-return")  # without a comment: refused
    expect(reviewer.locator("#error")).to_contain_text("退回必须填写意见")
    reviewer.goto(f"{base}/forms/{record.pk}/")
    reviewer.fill("#comment", "请核对预算执行数。")
    reviewer.click("#act-return")
    expect(reviewer.locator("#state")).to_have_text("已退回")

    filler.goto(f"{base}/forms/{record.pk}/edit/")
    expect(filler.locator("#return-comment")).to_contain_text("请核对预算执行数。")
    filler.click("#save-submit")
    expect(filler.locator("#state")).to_have_text("已重新提交")

    reviewer.goto(f"{base}/forms/{record.pk}/")
    reviewer.click("#act-approve")
    expect(reviewer.locator("#state")).to_have_text("已审核")
    reviewer.screenshot(path=str(shots / "web-review.png"), full_page=True)

    finance = login(browser, base, "finance")
    finance.goto(f"{base}/forms/{record.pk}/")
    finance.click("#act-publish")
    expect(finance.locator("#state")).to_have_text("已公开")
    expect(finance.locator("#transitions tbody tr")).to_have_count(6)  # demo row + 5 actions
    finance.goto(f"{base}/dashboard/")
    expect(finance.locator("#chart-scores canvas")).to_have_count(1)
    finance.wait_for_timeout(800)
    finance.screenshot(path=str(shots / "web-dashboard.png"), full_page=True)

    public = browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 900}).new_page()
    public.goto(f"{base}/public/?year=2022")
    expect(public.locator(f"a[href='/forms/{record.pk}/']")).to_have_count(1)
    public.fill("#q", "没有这个项目")  # live search (htmx): results follow the typing
    expect(public.locator("#no-results")).to_be_visible()
    public.fill("#q", record.project[:4])
    expect(public.locator(f"a[href='/forms/{record.pk}/']")).to_have_count(1)
    public.screenshot(path=str(shots / "web-public.png"), full_page=True)
    public.goto(f"{base}/forms/{record.pk}/")
    expect(public.locator("#official")).to_contain_text(record.project)
    public.screenshot(path=str(shots / "web-form.png"), full_page=True)
    assert FormRecord.objects.get(pk=record.pk).state == "published"
    for p in (filler, reviewer, finance, public):
        p.context.close()


def test_outsider_cannot_open_another_units_draft(browser, live_server, demo):
    record = draft_of(demo.DEPT_A)
    page = login(browser, live_server.url, "filler3")
    response = page.goto(f"{live_server.url}/forms/{record.pk}/")
    assert response.status in (403, 404)
    response = page.goto(f"{live_server.url}/forms/{record.pk}/edit/")
    assert response.status in (403, 404)
    anonymous = browser.new_context().new_page()
    assert anonymous.goto(f"{live_server.url}/forms/{record.pk}/").status == 404
    page.context.close()
    anonymous.context.close()


def test_two_editors_second_save_reports_conflict(browser, live_server, demo, shots):
    from jixiao.web.records.models import FormRecord

    record = draft_of(demo.DEPT_A)
    base = live_server.url
    first, second = login(browser, base, "filler"), login(browser, base, "filler")
    for page in (first, second):
        page.goto(f"{base}/forms/{record.pk}/edit/")
    first.fill("#f-project", "第一位的修改")
    second.fill("#f-project", "第二位的修改")
    first.click("#save")
    expect(first.locator(".messages")).to_contain_text("已保存")
    second.click("#save")
    expect(second.locator("#conflict")).to_contain_text("保存冲突")
    expect(second.locator("#f-project")).to_have_value("第二位的修改")
    second.screenshot(path=str(shots / "web-conflict.png"))
    assert FormRecord.objects.get(pk=record.pk).project == "第一位的修改"
    first.context.close()
    second.context.close()


def test_english_switch(browser, live_server, demo):
    page = browser.new_context(locale="zh-CN").new_page()
    page.goto(live_server.url + "/")
    page.click("#lang-switch")
    expect(page.locator("#lang-switch")).to_have_text("中文")
    expect(page.locator("header nav")).to_contain_text("Public")
    page.context.close()


def test_add_reorder_remove_indicators(browser, live_server, demo):
    from jixiao.web.records.models import FormRecord

    record = draft_of(demo.DEPT_A)
    count = len(record.data["indicators"])
    page = login(browser, live_server.url, "filler")
    page.goto(f"{live_server.url}/forms/{record.pk}/edit/")
    rows = page.locator("#indicators tr.ind")
    expect(rows).to_have_count(count)
    page.click("#add-indicator")
    expect(rows).to_have_count(count + 1)
    last = rows.nth(count)
    for name, value in (("level1", "产出指标"), ("level2", "数量指标"), ("name", "新增指标"),
                        ("target", ">=10次"), ("actual", "12次"), ("weight", "1"), ("score", "1")):
        last.locator(f"input[name='ind.{name}']").fill(value)
    expect(last.locator(".reading")).not_to_be_empty()  # the grammar's reading of ">=10次"
    last.locator("button.up").click()  # now second to last
    rows.nth(0).locator("button.remove").click()  # drop the first indicator
    expect(rows).to_have_count(count)
    page.click("#save")
    expect(page.locator(".messages")).to_contain_text("已保存")
    saved = FormRecord.objects.get(pk=record.pk).data["indicators"]
    names = [i["name"] for i in record.data["indicators"]]
    assert [i["name"] for i in saved] == [*names[1:-1], "新增指标", names[-1]]
    assert saved[-2]["target"] == ">=10次" and str(saved[-2]["weight"]) == "1"
    page.context.close()
