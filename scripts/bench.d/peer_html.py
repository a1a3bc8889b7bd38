#!/usr/bin/env python3
"""Peer "load + lint + HTML": peer_lint, then a privacy-statement page per organisation.

    peer_html.py DIR OUT

Like `verklaar build --only html`, a file that does not pass the schema gets no page; the
others are rendered with templates/statement.html.j2 (Jinja2, autoescape on) to
OUT/<name>/index.html, with OUT/index.html listing all organisations and OUT/style.css.
"""

import shutil
import sys
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from common import TEMPLATES, check, make_validator, view, yaml_files


def environment():
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_all(src, out, page_hook=None):
    """Validate every file in `src` and write the pages to `out`; `page_hook(view, html,
    folder)` lets peer_pdf add the PDF. Returns (number of files, number of pages)."""
    validator = make_validator()
    env = environment()
    template = env.get_template("statement.html.j2")
    index = env.from_string(INDEX)
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(TEMPLATES / "style.css", out / "style.css")
    files = yaml_files([src])
    rows = []
    for path in files:
        data, findings = check(path, validator)
        for line in findings:
            sys.stdout.write(line + "\n")
        slug = path.stem
        if data is None:
            rows.append({"slug": slug, "name": slug, "ok": False})
            continue
        v = view(data, slug)
        html = template.render(v=v)
        folder = out / slug
        folder.mkdir(exist_ok=True)
        (folder / "index.html").write_text(html, encoding="utf-8")
        if page_hook:
            page_hook(v, html, folder)
        rows.append({"slug": slug, "name": v["org"]["name"], "ok": True})
    (out / "index.html").write_text(index.render(rows=rows), encoding="utf-8")
    return len(files), sum(r["ok"] for r in rows)


INDEX = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Privacyverklaringen</title>
<link rel="stylesheet" href="style.css"></head>
<body><main><h1>Privacyverklaringen</h1><ul>
{% for r in rows %}<li>
{%- if r.ok %}<a href="{{ r.slug }}/index.html">{{ r.name }}</a>
{%- else %}{{ r.name }}: mislukt{% endif -%}
</li>
{% endfor %}</ul></main></body></html>
"""


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    files, pages = render_all(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"peer_html: {files} files, {pages} pages written", file=sys.stderr)


if __name__ == "__main__":
    main()
