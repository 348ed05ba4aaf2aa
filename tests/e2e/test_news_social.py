"""An employee reads the news, comments, replies and likes; news and blog pages pass axe-core."""

import pytest
from playwright.sync_api import expect

from news.models import BlogIndexPage, BlogPage, NewsIndexPage, NewsPage
from social import services
from tests.e2e.conftest import PHONE
from tests.factories import PersonFactory


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def site_with_news(transactional_db):
    from home.models import HomePage

    home = HomePage.objects.get()
    author = PersonFactory(first_name="Ingrid", tussenvoegsel="van der", last_name="Linden", job_title="Webredacteur")
    reader = PersonFactory(first_name="Sanne", tussenvoegsel="de", last_name="Boer", user__username="sanne")
    news_index = _publish(home, NewsIndexPage(title="Nieuws", slug="nieuws", intro="Nieuws van collega's"))
    blog_index = _publish(home, BlogIndexPage(title="Blogs", slug="blogs"))
    news = _publish(
        news_index,
        NewsPage(
            title="Nieuwe werkplekken",
            slug="nieuwe-werkplekken",
            intro="Vanaf maandag werken we op de derde verdieping.",
            author=author,
            body=[{"type": "text", "value": "<p>Er zijn sta-bureaus en stilteplekken.</p>"}],
        ),
    )
    blog = _publish(blog_index, BlogPage(title="Mijn eerste week", slug="mijn-eerste-week", author=author))
    services.post_comment(author.user, news, "Laat weten wat je ervan vindt!")
    return {"reader": reader.user, "news": news, "blog": blog, "news_index": news_index, "blog_index": blog_index}


def test_employee_reads_comments_replies_and_likes(new_page, site_with_news, assert_accessible):
    page = new_page(user=site_with_news["reader"])
    page.goto("/nieuws/")
    assert page.locator("h1").inner_text() == "Nieuws"
    assert_accessible(page)

    page.get_by_role("link", name="Nieuwe werkplekken").click()
    page.wait_for_url("**/nieuws/nieuwe-werkplekken/")
    assert "sta-bureaus" in page.locator("article").first.inner_text()
    assert_accessible(page)

    box = page.get_by_label("Je reactie")
    box.fill("Fijn, ik kom kijken! <b>vet</b> Dank")
    box.press_sequentially(" @Ingr")
    page.get_by_role("option", name="Ingrid van der Linden (Webredacteur)").click()  # a combobox option now
    assert box.input_value().endswith(f"Dank @{site_with_news['news'].author.slug} ")
    page.get_by_role("button", name="Plaats reactie").click()
    page.wait_for_load_state()
    assert page.get_by_text("Je reactie is geplaatst.").is_visible()
    assert page.get_by_text("Fijn, ik kom kijken! <b>vet</b>").is_visible()
    assert page.get_by_role("link", name="@Ingrid van der Linden").is_visible()

    # Newest threads first (the comment just placed leads): open the reply box under Ingrid's comment.
    reply_to_ingrid = page.get_by_label("Je antwoord aan Ingrid van der Linden")
    page.locator(".comment__reply", has=reply_to_ingrid).locator("summary").click()
    reply_to_ingrid.fill("Ik ook!")
    page.get_by_role("button", name="Plaats antwoord").click()
    page.wait_for_load_state()
    assert page.locator(".comment-list--replies").get_by_text("Ik ook!").is_visible()

    like = page.locator(".article__likes").get_by_role("button", name="Leuk")
    like.click()
    page.wait_for_load_state()
    like = page.locator(".article__likes").get_by_role("button", name="Leuk")
    assert like.get_attribute("aria-pressed") == "true"
    assert "1 collega vindt dit leuk" in page.locator(".article__likes").inner_text()
    assert_accessible(page)


def test_blog_pages_are_accessible_on_a_phone(new_page, site_with_news, assert_accessible):
    page = new_page(user=site_with_news["reader"], viewport=PHONE)
    page.goto("/blogs/")
    assert page.locator("h1").inner_text() == "Blogs"
    assert_accessible(page)
    page.get_by_role("link", name="Mijn eerste week").click()
    page.wait_for_url("**/blogs/mijn-eerste-week/")
    assert "Webredacteur" in page.inner_text("article")
    assert_accessible(page)


def test_notifications_page_is_accessible(new_page, site_with_news, assert_accessible):
    services.post_comment(site_with_news["reader"], site_with_news["news"], "Een vraag")
    author = site_with_news["news"].author.user
    page = new_page(user=author)
    page.goto("/")
    page.locator(".bell").click()
    page.wait_for_url("**/sociaal/meldingen/")
    assert "Sanne de Boer reageerde op" in page.inner_text("main")
    assert_accessible(page)

    page.get_by_role("link", name="E-mailinstellingen").click()
    page.get_by_label("Direct").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Je meldingsinstellingen zijn opgeslagen.")).to_be_visible()
    assert page.get_by_label("Direct").is_checked()
    assert_accessible(page)


def test_more_comments_appends_older_threads_and_moves_focus(new_page, site_with_news, assert_accessible):
    from social.selectors import THREADS_PER_PAGE
    from tests.social.test_comment_paging import discuss

    news = site_with_news["news"]
    # With the author's own thread, one page and one more of 5.
    discuss(news, THREADS_PER_PAGE + 4, site_with_news["reader"])
    page = new_page(user=site_with_news["reader"])
    page.goto(news.url)
    assert page.locator(".comment-page").count() == 1
    assert page.get_by_text("Draad nummer 0", exact=True).count() == 0
    page.get_by_role("link", name="Meer reacties").click()
    page.locator(".comment-page").nth(1).wait_for()
    assert page.url.endswith(news.url)  # appended in place, no navigation
    assert page.get_by_text("Draad nummer 0", exact=True).is_visible()
    assert page.get_by_role("link", name="Meer reacties").count() == 0
    focused = page.evaluate("document.activeElement.closest('.comment-page') !== null")
    assert focused and page.evaluate("document.activeElement.classList.contains('comment__body')")
    assert_accessible(page)
