#!/usr/bin/env python3
"""Peer PDF stage: peer_html plus a PDF per organisation.

    peer_pdf.py DIR OUT --engine typst|weasyprint [--stats FILE]

weasyprint: the page from templates/statement.html.j2, laid out by WeasyPrint.
typst:      templates/statement.typ with the same view as JSON input, compiled by the `typst`
            PyPI package; one typst.Compiler serves all documents, so fonts load once.
Writes OUT/<name>/privacyverklaring.pdf and prints ms/document and pages/document (time of
the whole loop, startup excluded; the benchmark times the whole process separately).
"""

import argparse
import json
import re
import sys
import time
from pathlib import Path

from common import TEMPLATES
from peer_html import render_all


def typst_engine():
    import typst

    compiler = typst.Compiler(str(TEMPLATES / "statement.typ"), root=str(TEMPLATES))

    def render(v, html, folder):
        pdf = compiler.compile(sys_inputs={"data": json.dumps(v, ensure_ascii=False)})
        (folder / "privacyverklaring.pdf").write_bytes(pdf)
        # typst writes one uncompressed page dictionary per page.
        return len(re.findall(rb"/Type\s*/Page\b", pdf))

    return render


def weasyprint_engine():
    import weasyprint

    def render(v, html, folder):
        # base_url makes ../style.css resolve to OUT/style.css, as in a browser.
        document = weasyprint.HTML(string=html, base_url=str(folder / "index.html")).render()
        document.write_pdf(folder / "privacyverklaring.pdf")
        return len(document.pages)

    return render


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--engine", choices=["typst", "weasyprint"], required=True)
    parser.add_argument("--stats", type=Path, help="write the numbers as JSON here")
    args = parser.parse_args()

    engine = typst_engine() if args.engine == "typst" else weasyprint_engine()
    pages = []

    def hook(v, html, folder):
        pages.append(engine(v, html, folder))

    start = time.perf_counter()
    files, docs = render_all(args.dir, args.out, hook)
    ms = (time.perf_counter() - start) * 1000
    stats = {
        "engine": args.engine,
        "files": files,
        "documents": docs,
        "pages": sum(pages),
        "ms_per_document": ms / max(docs, 1),
        "pages_per_document": sum(pages) / max(docs, 1),
        "ms_per_page": ms / max(sum(pages), 1),
    }
    print(
        f"peer_pdf {args.engine}: {docs} of {files} documents, {stats['ms_per_document']:.1f} "
        f"ms/document, {stats['pages_per_document']:.1f} pages/document, "
        f"{stats['ms_per_page']:.1f} ms/page",
        file=sys.stderr,
    )
    if args.stats:
        args.stats.write_text(json.dumps(stats, indent=1))


if __name__ == "__main__":
    main()
