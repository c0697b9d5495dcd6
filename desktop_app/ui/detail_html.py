"""The series and person pages as HTML for a QTextBrowser, every library string escaped.

One document per page lays out and paints in a few milliseconds, where the same page built
from dozens of word-wrapping widgets took longer than a frame. Data never reaches the HTML
unescaped: every value goes through `_text` (html.escape, quotes included); hrefs are built
from ids and our own schemes ("person:12", "series:3", "search:2"), or are a source's web
address, escaped and opened only by the page's handler (http and https only).
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from db.details import AwardItem, PersonDetail, PersonRole, ReviewItem, SeriesDetail

RELATION_LABELS = {"inspired_by": "Inspired by", "same_creator": "Same creator",
                   "compared_with": "Compared with", "real_case": "Real case",
                   "casting": "Casting"}
CREW_LABELS = {"creator": "Created by", "writer": "Written by", "producer": "Produced by",
               "director": "Directed by"}
ROLE_LABELS = {"cast": "Actor", "creator": "Creator", "writer": "Writer", "producer": "Producer",
               "director": "Director"}
RECORD_LABELS = {"series": "the series", "series_genre": "genres", "series_company": "companies",
                 "character": "characters", "credit": "credits", "review": "a review",
                 "award": "awards", "relation": "related titles", "interview": "interviews"}
# Verdict badge colours: saturated enough for white text in light and dark palettes alike.
VERDICT_COLOURS = {"positive": "#2e7d32", "mixed": "#a15c00", "negative": "#c62828"}


def _text(value: object) -> str:
    """Library text as HTML text: escaped, line breaks kept."""
    return html.escape(str(value), quote=True).replace("\n", "<br>")


def _link(href: str, label: str) -> str:
    return f'<a href="{html.escape(href, quote=True)}">{_text(label)}</a>'


def field_label(field: str) -> str:
    return field.replace("_", " ").capitalize()


def years_text(start: int | None, end: int | None) -> str:
    if start is None:
        return ""
    return str(start) if end is None or end == start else f"{start}–{end}"


def _count(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else (plural or singular + 's')}"


def _facts(rows: Iterable[tuple[str, str]], muted: str) -> str:
    """Label/value lines; values are HTML already, empty ones are left out.

    Lines, not a table: Qt lays a table out several times slower, on every page shown.
    """
    lines = [f'<span style="color:{muted}">{label}:</span>&nbsp;{value}'
             for label, value in rows if value]
    return f"<p>{'<br>'.join(lines)}</p>" if lines else ""


def _grid(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f'<th align="left">{header}</th>' for header in headers)
    body = "".join("<tr>" + "".join(f'<td valign="top">{cell}</td>' for cell in row) + "</tr>"
                   for row in rows)
    return ('<table width="100%" border="1" cellspacing="0" cellpadding="4" '
            f'style="border-collapse:collapse; border-color:gray"><tr>{head}</tr>{body}</table>')


def _award_line(award: AwardItem, *, with_person: bool, with_series: bool) -> str:
    text = f"<b>{'Won' if award.result == 'won' else 'Nominated'}</b>: {_text(award.name)}"
    if award.category:
        text += f", {_text(award.category)}"
    if award.year:
        text += f" ({award.year})"
    if with_person and award.person_name and award.person_id is not None:
        text += " — " + _link(f"person:{award.person_id}", award.person_name)
    if with_series:
        text += " — for " + _link(f"series:{award.series_id}", award.series_title)
    return text


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>" if items else ""


def _section(title: str, body: str) -> str:
    return f"<h3>{title}</h3>{body}" if body else ""


def series_html(series: SeriesDetail, muted: str = "gray") -> str:
    """The whole series page as one document (cast table included)."""
    return series_head_html(series, muted) + cast_html(series, muted) \
        + series_rest_html(series, muted)


def series_head_html(series: SeriesDetail, muted: str = "gray") -> str:
    """Title, facts and synopsis; `muted` is the colour of secondary text (from the palette)."""
    length = ", ".join(part for part in (
        _count(series.seasons, "season") if series.seasons is not None else "",
        _count(series.episodes, "episode") if series.episodes is not None else "") if part)
    subtitle = " · ".join(_text(part) for part in (
        series.kind.capitalize(), years_text(series.year_start, series.year_end), length,
        series.network or "") if part)
    crew: dict[str, list[str]] = {}
    for credit in series.crew:
        crew.setdefault(credit.role, []).append(_link(f"person:{credit.person_id}", credit.name))
    companies: dict[str, list[str]] = {}
    for company in series.companies:
        companies.setdefault(company.name, []).append(company.role)
    facts = [(CREW_LABELS.get(role, _text(role.capitalize())), ", ".join(links))
             for role, links in crew.items()]
    facts += [("Genres", _text(", ".join(series.genres))),
              ("First aired", _text(series.first_aired or "")),
              ("Last aired", _text(series.last_aired or "")),
              ("Status", _text(series.status or "")),
              ("Country", _text(series.country or "")),
              ("Language", _text(series.language or "")),
              ("Setting", _text(series.setting or "")),
              ("Companies", _text("; ".join(f"{name} ({', '.join(roles)})"
                                            for name, roles in companies.items()))),
              ("Based on", _text(series.based_on or ""))]
    parts = [f"<h1>{_text(series.title)}</h1>",
             f'<p style="color:{muted}">{subtitle}</p>' if subtitle else "",
             _facts(facts, muted),
             _section("Synopsis", f"<p>{_text(series.synopsis)}</p>" if series.synopsis else "")]
    return "".join(parts)


def cast_html(series: SeriesDetail, muted: str = "gray") -> str:
    cast_rows = [[_link(f"person:{c.person_id}", c.actor or "") if c.person_id is not None
                  else f'<i style="color:{muted}">no actor named</i>',
                  f"<b>{_text(c.character or '')}</b>", _text(c.description or "")]
                 for c in series.cast]
    return _section("Cast", _grid(["Actor", "Character", "About the character"], cast_rows)
                    if cast_rows else "")


def series_rest_html(series: SeriesDetail, muted: str = "gray") -> str:
    """Reviews, awards, related titles, interviews and sources."""
    parts = []
    parts.append(_section("Reviews", "".join(_review_html(review, muted)
                                             for review in series.reviews)))
    parts.append(_section("Awards", _list([
        _award_line(award, with_person=True, with_series=False) for award in series.awards])))
    related = []
    for index, relation in enumerate(series.relations):
        line = (f"{RELATION_LABELS.get(relation.kind, _text(relation.kind))}: "
                f"<b>{_text(relation.title)}</b>")
        if relation.year:
            line += f" ({relation.year})"
        if relation.detail:
            line += f" — {_text(relation.detail)}"
        if relation.series_id is not None:
            line += " &nbsp;" + _link(f"series:{relation.series_id}", "Open")
        else:
            line += (f' &nbsp;<span style="color:{muted}">not in your library</span> '
                     + _link(f"search:{index}", "Search for it"))
        related.append(line)
    parts.append(_section("Related titles", _list(related)))
    parts.append(_section("Interviews", _list([
        _link(f"person:{item.person_id}", item.person_name)
        + (f", in {_text(item.outlet)}" if item.outlet else "") + f": {_text(item.topic)}"
        for item in series.interviews])))
    parts.append(_section("Sources", _sources_html(series, muted)))
    return "".join(parts)


def _review_html(review: ReviewItem, muted: str) -> str:
    colour = VERDICT_COLOURS.get(review.verdict, "#555555")
    by = [_text(part) for part in (review.outlet, review.author, review.published) if part]
    if review.source is not None:
        by.append(f"from “{_text(review.source.title)}”")
    badge = (f'<span style="background-color:{colour}; color:#ffffff; font-weight:bold">'
             f"&nbsp;{_text(review.verdict.capitalize())}&nbsp;</span>")
    lines = [_text(review.summary)] if review.summary else []
    if review.praised:
        lines.append(f'<span style="color:{muted}">Praised:</span> {_text(review.praised)}')
    if review.criticised:
        lines.append(f'<span style="color:{muted}">Criticised:</span> '
                     f"{_text(review.criticised)}")
    return (f"<p>{badge}&nbsp; {' · '.join(by)}</p>"
            f'<p style="margin-left:18px">{"<br>".join(lines)}</p>')


def _sources_html(series: SeriesDetail, muted: str) -> str:
    items = []
    for support in series.sources:
        source = support.source
        title = f"“{_text(source.title)}”" + (f" ({_text(source.outlet)})" if source.outlet
                                              else "")
        if source.url:
            title += " " + _link(source.url, "open article")
        records = ", ".join(RECORD_LABELS.get(kind, _text(kind)) + (f" ({count})" if count > 1
                                                                     else "")
                            for kind, count in support.records)
        line = title
        if records:
            line += f'<br><span style="color:{muted}">Supports:</span> {records}'
        if support.claimed_fields:
            line += (f'<br><span style="color:{muted}">States:</span> '
                     + ", ".join(_text(field_label(f).lower()) for f in support.claimed_fields))
        items.append(line)
    body = _list(items)
    if series.disagreements:
        rows = [[f"<b>{_text(field_label(d.field))}</b>",
                 "<br>".join(f"“{_text(claim.value)}” — {_text(claim.source.title)}"
                             for claim in d.claims)] for d in series.disagreements]
        body += "<h4>Where the sources disagree</h4>" + _grid(["Fact", "What each source says"],
                                                               rows)
    return body


def _role_line(role: PersonRole, muted: str) -> str:
    """ "Seven Seconds (2018) — Actor as Latrice Butler: Brenton's mother…" """
    line = _link(f"series:{role.series_id}", role.series_title)
    if role.year_start is not None:
        line += f" ({role.year_start})"
    line += f' <span style="color:{muted}">—</span> {_text(ROLE_LABELS.get(role.role, role.role))}'
    if role.character:
        line += f" as <b>{_text(role.character)}</b>"
        if role.character_description:
            line += f'<br><span style="color:{muted}">{_text(role.character_description)}</span>'
    return line


def person_html(person: PersonDetail, muted: str = "gray") -> str:
    series_count = len({role.series_id for role in person.roles})
    parts = [f"<h1>{_text(person.name)}</h1>",
             f'<p style="color:{muted}">{_count(len(person.roles), "role")} in '
             f"{series_count} series of your library</p>"]
    if person.about:
        parts.append(f"<p>{_text(person.about)}</p>")
    # One line per role, not a table: a busy person has hundreds of roles, and Qt lays a
    # table that long out in a fraction of a second where lines take a few ms.
    parts.append(_section("Roles in your library", _list([_role_line(role, muted)
                                                          for role in person.roles])))
    parts.append(_section("Awards", _list([
        _award_line(award, with_person=False, with_series=True) for award in person.awards])))
    parts.append(_section("Interviews", _list([
        f"About {_link(f'series:{series_id}', title)}"
        + (f", in {_text(outlet)}" if outlet else "") + f": {_text(topic)}"
        for series_id, title, outlet, topic in person.interviews])))
    return "".join(parts)
