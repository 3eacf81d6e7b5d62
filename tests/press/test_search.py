"""Boolean, diacritic-insensitive search over title and text; the same answer in SQL and Python."""

from __future__ import annotations

import pytest

from tests.press.conftest import EN_TEXT, NEGATIVE_TEXT, OTHER_TEXT, VI_TEXT
from ttdn.press import selectors, services
from ttdn.press.models import Article
from ttdn.press.query import QueryError, matches, parse_query

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(province):
    source = services.save_source(code="bao", name="Báo Thử", actor=None)
    context = services.analysis_context()
    for title, text, url in [
        ("Đồng Nai thu hút nhà đầu tư", VI_TEXT, "https://bao.vn/a"),
        ("Dong Nai draws record investors", EN_TEXT, "https://news.example/a"),
        ("Ô nhiễm kéo dài ở phường Tam Hiệp", NEGATIVE_TEXT, "https://bao.vn/n"),
        ("Giá cà phê biến động", OTHER_TEXT, "https://bao.vn/c"),
    ]:
        services.ingest_article(
            source=source, url=url, title=title, text=text, published_at=None, context=context
        )


def titles(query: str) -> set[str]:
    articles = selectors.search_articles(selectors.ArticleFilters(query=query))
    found = {article.title for article in articles}
    node = parse_query(query)
    # The alert check (Python) agrees with the database filter.
    assert found == {a.title for a in Article.objects.all() if matches(node, a.search_text)}
    return found


def test_words_without_diacritics_find_vietnamese(corpus):
    assert titles("dong nai dau tu") == {"Đồng Nai thu hút nhà đầu tư"}
    assert titles("ĐỒNG NAI") == {
        "Đồng Nai thu hút nhà đầu tư",
        "Dong Nai draws record investors",
        "Ô nhiễm kéo dài ở phường Tam Hiệp",
    }


def test_or_not_quotes_and_parentheses(corpus):
    assert titles('"tam hiệp" AND NOT "ô nhiễm"') == {"Đồng Nai thu hút nhà đầu tư"}
    assert titles("(ô nhiễm OR cà phê) -brazil") == {"Ô nhiễm kéo dài ở phường Tam Hiệp"}
    assert titles('"nha dau tu trong va ngoai nuoc"') == {"Đồng Nai thu hút nhà đầu tư"}
    assert titles('"ngoai nuoc trong"') == set()


@pytest.mark.parametrize("query", ["", "(dong nai", "dong nai)", "NOT dong", "dong AND", '""'])
def test_malformed_queries_are_refused_with_a_message(query):
    with pytest.raises(QueryError) as error:
        parse_query(query)
    assert error.value.message
