"""What the server said, as a list shows it: Wolkvox's own words as they came, but a web
page (a proxy's or a load balancer's error page, never Wolkvox's answer) summarised as
"HTTP 502 Bad Gateway — an HTML page, not Wolkvox's answer", its raw text one click away
(the status panel's link, History's *Raw answer…*, the workbook's last column).

No widgets: History's export job builds its rows from here on a worker thread
(``QCoreApplication.translate`` is thread-safe).
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication

_TAG = re.compile(r"<\s*(!doctype|html|head|body|title|h1|center|hr|p|div)\b", re.I)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.I | re.S)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1\s*>", re.I | re.S)
_ANY_TAG = re.compile(r"<[^>]*>")
MAX_TITLE = 80


def is_html_page(text: str | None) -> bool:
    """Whether ``text`` is a web page (not a sentence that happens to hold a ``<``)."""
    if not text:
        return False
    head = text.lstrip()[:2048]
    return head.startswith("<") and _TAG.search(head) is not None


def page_title(text: str) -> str:
    """The page's title (or first heading), as plain text; ``""`` when it has none."""
    for pattern in (_TITLE, _H1):
        found = pattern.search(text)
        if found:
            plain = " ".join(html.unescape(_ANY_TAG.sub(" ", found.group(1))).split())
            if plain:
                return plain[:MAX_TITLE]
    return ""


def page_summary(http_status: int | None, text: str) -> str:
    """"HTTP 502 Bad Gateway — an HTML page, not Wolkvox's answer" (the status and the
    page's title, without repeating the status the title may already hold)."""
    title = page_title(text)
    status = str(http_status) if http_status is not None else ""
    if title.startswith(status):
        title = title[len(status):].strip()
    head = " ".join(p for p in ("HTTP", status, title) if p) if (status or title) else ""
    _translate = QCoreApplication.translate
    if not head:
        return _translate("AnswerText", "An HTML page, not Wolkvox's answer")
    return _translate("AnswerText", "{page} — an HTML page, not Wolkvox's answer").format(
        page=head)


def raw_answer(error: str | None, msg: str | None) -> str:
    """Everything the server's answer held (Wolkvox's ``error`` and ``msg``), as it came."""
    return " · ".join(p for p in (error, msg) if p)


def shown_answer(error: str | None, msg: str | None, http_status: int | None) -> str:
    """The answer as a list shows it: Wolkvox's words as they came, a web page summarised."""
    parts = []
    for part in (error, msg):
        if part:
            parts.append(page_summary(http_status, part) if is_html_page(part) else part)
    return " · ".join(parts)


def has_raw_answer(error: str | None, msg: str | None) -> bool:
    """Whether the shown answer is a summary, so that the raw text is worth a click."""
    return is_html_page(error) or is_html_page(msg)
