from tests.news.conftest import author, blog_index, make_news, news_index, news_page  # noqa: F401
