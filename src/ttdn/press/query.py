"""Boolean search queries: words, "quoted phrases", AND, OR, NOT (or -word), parentheses.

Diacritic-insensitive over title and text: a query is folded like the search column
(``analysis.search_text_of``). A term matches where its words begin words of the article, in
order; juxtaposed terms mean AND. The same parsed query filters the database and checks a new
article for an alert, so both agree.

PostgreSQL serves the LIKE patterns from a trigram GIN index (migration 0002). A full-text GIN
index was tried and measured worse on 100,000 articles (6–14 s against 0.3–0.9 s): phrase
queries need word positions, which GIN does not keep, so every candidate row is rechecked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from ttdn.core.exceptions import DomainError
from ttdn.press.analysis import folded_words

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\()|(\))|(-?[^\s()"]+)')
MAX_TERMS = 30


class QueryError(DomainError):
    pass


@dataclass(frozen=True)
class Term:
    phrase: str  # folded words joined by spaces


@dataclass(frozen=True)
class Not:
    operand: Node


@dataclass(frozen=True)
class And:
    operands: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    operands: tuple[Node, ...]


Node = Term | Not | And | Or


def _tokens(query: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    for negated, phrase, opening, closing, word in _TOKEN.findall(query):
        if negated:
            tokens.extend([("NOT", ""), ("TERM", phrase)])
        elif opening:
            tokens.append(("(", ""))
        elif closing:
            tokens.append((")", ""))
        elif word in {"AND", "OR", "NOT"}:
            tokens.append((word, ""))
        elif word.startswith("-") and len(word) > 1:
            tokens.extend([("NOT", ""), ("TERM", word[1:])])
        elif word or phrase:
            tokens.append(("TERM", word or phrase))
    return tokens


def parse_query(query: str) -> Node:
    """Parse a search query; raise ``QueryError`` with a Vietnamese message when malformed."""
    tokens = _tokens(query)
    position = 0
    terms = 0

    def peek() -> str | None:
        return tokens[position][0] if position < len(tokens) else None

    def parse_or() -> Node:
        nonlocal position
        operands = [parse_and()]
        while peek() == "OR":
            position += 1
            operands.append(parse_and())
        return operands[0] if len(operands) == 1 else Or(tuple(operands))

    def parse_and() -> Node:
        nonlocal position
        operands = [parse_not()]
        while peek() not in {None, "OR", ")"}:
            if peek() == "AND":
                position += 1
            operands.append(parse_not())
        return operands[0] if len(operands) == 1 else And(tuple(operands))

    def parse_not() -> Node:
        nonlocal position
        if peek() == "NOT":
            position += 1
            return Not(parse_not())
        return parse_atom()

    def parse_atom() -> Node:
        nonlocal position, terms
        kind = peek()
        if kind == "(":
            position += 1
            node = parse_or()
            if peek() != ")":
                raise QueryError(_("Thiếu dấu đóng ngoặc “)” trong câu tìm kiếm."))
            position += 1
            return node
        if kind == "TERM":
            words = folded_words(tokens[position][1])
            position += 1
            terms += 1
            if terms > MAX_TERMS:
                raise QueryError(
                    _("Câu tìm kiếm quá dài (tối đa %(n)s từ khóa).") % {"n": MAX_TERMS}
                )
            if not words:
                raise QueryError(_("Câu tìm kiếm có từ khóa rỗng."))
            return Term(" ".join(words))
        raise QueryError(
            _("Câu tìm kiếm không hợp lệ: thiếu từ khóa sau AND/OR/NOT hoặc trong ngoặc.")
        )

    if not tokens:
        raise QueryError(_("Hãy nhập từ khóa tìm kiếm."))
    node = parse_or()
    if position != len(tokens):
        raise QueryError(_("Câu tìm kiếm không hợp lệ: dấu ngoặc “)” thừa."))
    if _only_negative(node):
        raise QueryError(_("Câu tìm kiếm cần ít nhất một từ khóa không có NOT."))
    return node


def _only_negative(node: Node) -> bool:
    if isinstance(node, Not):
        return True
    if isinstance(node, And):
        return all(_only_negative(operand) for operand in node.operands)
    if isinstance(node, Or):
        return any(_only_negative(operand) for operand in node.operands)
    return False


def matches(node: Node, search_text: str) -> bool:
    """Tell whether a folded search column (see ``search_text_of``) satisfies the query."""
    if isinstance(node, Term):
        return f" {node.phrase}" in search_text
    if isinstance(node, Not):
        return not matches(node.operand, search_text)
    if isinstance(node, And):
        return all(matches(operand, search_text) for operand in node.operands)
    return any(matches(operand, search_text) for operand in node.operands)


def to_q(node: Node, field: str = "search_text") -> Q:
    """Translate the query into a filter on the folded search column."""
    if isinstance(node, Term):
        return Q(**{f"{field}__contains": f" {node.phrase}"})
    if isinstance(node, Not):
        return ~to_q(node.operand, field)
    combined = Q()
    for index, operand in enumerate(node.operands):
        part = to_q(operand, field)
        if index == 0:
            combined = part
        elif isinstance(node, And):
            combined &= part
        else:
            combined |= part
    return combined
