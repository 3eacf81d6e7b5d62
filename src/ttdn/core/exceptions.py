"""Errors that carry a message for the person who caused them.

The web and CLI edges turn a ``DomainError`` into a 4xx response or a clear line of output;
it must never surface as a 500.
"""

from __future__ import annotations


class DomainError(Exception):
    """A rule of the domain refused the request; ``message`` is shown to the user as is."""

    status_code = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


class NotFound(DomainError):
    """The object does not exist or the user may not see it: one error for both, on purpose."""

    status_code = 404
