"""Notes as one self-contained HTML page that prints well: no scripts, no remote resources.

Everything from the library or the user is escaped; a note's body is shown as the text the
user wrote (line breaks kept), never interpreted as HTML.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from db.exporting.notes_common import STATUS_WORDS, ExportedNote, Progress, exported_notes, stars
from db.fileio import write_file_atomically
from db.note_listing import ALL_NOTES, NoteScope

_STYLE = """
body { font: 11pt/1.45 system-ui, sans-serif; max-width: 46em; margin: 2em auto;
       padding: 0 1em; color: #1b1b1b; background: #fff; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
article { border-top: 1px solid #ccc; padding: 0.6em 0 0.8em; break-inside: avoid;
          page-break-inside: avoid; }
h2 { font-size: 1.15em; margin: 0.2em 0; }
.meta { color: #555; font-size: 0.9em; margin: 0 0 0.4em; }
.stars { color: #a66b00; letter-spacing: 0.05em; }
.body { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
.tags span { border: 1px solid #bbb; border-radius: 0.6em; padding: 0 0.45em;
             margin-right: 0.3em; font-size: 0.85em; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
"""


def _article(note: ExportedNote) -> str:
    row = note.row
    year = f" ({row.year})" if row.year and not row.series_title else ""
    meta = [escape(row.target.kind)]
    if row.rating is not None:
        meta.append(f'<span class="stars" title="{row.rating}/10">'
                    f"{escape(stars(row.rating))}</span> {row.rating}/10")
    if row.status:
        meta.append(escape(STATUS_WORDS.get(row.status, row.status)))
    meta.append(f"updated {escape(row.updated[:10])}")
    tags = "".join(f"<span>{escape(tag)}</span>" for tag in row.tags)
    parts = [f'<article id="note-{escape(row.uid)}">',
             f"<h2>{escape(row.label())}{escape(year)}</h2>",
             f'<p class="meta">{" · ".join(meta)}</p>']
    if tags:
        parts.append(f'<p class="tags">{tags}</p>')
    parts.append(f'<p class="body">{escape(row.body.rstrip())}</p>')
    parts.append("</article>")
    return "\n".join(parts)


def export_notes_html(path: Path | str, scope: NoteScope = ALL_NOTES,
                      progress: Progress | None = None) -> int:
    articles = [_article(note) for note in exported_notes(scope, progress, destination=path)]
    page = (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        # A policy that forbids every fetch: the page stays self-contained when opened.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">\n"
        f"<title>My notes</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<h1>My notes</h1>\n<p class=\"meta\">{len(articles)} notes exported from "
        "Showshelf</p>\n" + "\n".join(articles) + "\n</body>\n</html>\n")
    write_file_atomically(path, page.encode("utf-8"))
    return len(articles)
