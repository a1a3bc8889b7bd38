"""PDF checks for `verklaar build`: for every organisation's privacyverklaring.pdf

- pdftotext finds every section title of the HTML page, in the same order;
- the PDF is tagged (/MarkInfo /Marked true and a /StructTreeRoot), has /Lang nl,
  a document title, and embeds every font it uses;
- no word lies outside the page's text area or over another word (bbox.py: `pdftotext
  -bbox` word boxes against the template's left and right margins and the page box).

Usage: python3 check.py SITE_DIR   (exit 1 on any failure)
"""

import html
import re
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import IndirectObject

import bbox


def resolve(obj):
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def section_titles(page_html: str) -> list[str]:
    """The h2/h3 headings of the statement, in order, as plain text."""
    titles = []
    for m in re.finditer(r"<h([23])[^>]*>(.*?)</h\1>", page_html, re.S):
        text = re.sub(r"<[^>]+>", "", m.group(2))
        titles.append(" ".join(html.unescape(text).split()))
    return titles


def squash(text: str) -> str:
    """Text without whitespace, hyphens and soft hyphens: line breaks and hyphenation in the
    PDF ("informa-\ntie") must not hide a title."""
    return re.sub(r"[\s\-\u00ad\u2010\u2011]", "", text).lower()


def pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    # Poppler prints "Suspects object is wrong type" for tagged typst PDFs; that is harmless.
    return squash(out.stdout)


def fonts_embedded(reader: PdfReader) -> list[str]:
    missing = []
    seen = set()
    for page in reader.pages:
        resources = resolve(page.get("/Resources")) or {}
        fonts = resolve(resources.get("/Font")) or {}
        for name, ref in fonts.items():
            font = resolve(ref)
            key = id(font)
            if key in seen:
                continue
            seen.add(key)
            descriptors = []
            if "/FontDescriptor" in font:
                descriptors.append(resolve(font["/FontDescriptor"]))
            for desc in resolve(font.get("/DescendantFonts")) or []:
                d = resolve(desc)
                if "/FontDescriptor" in d:
                    descriptors.append(resolve(d["/FontDescriptor"]))
            if not any(any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3")) for d in descriptors):
                missing.append(f"{name} ({font.get('/BaseFont')})")
    return missing


def check(site: Path) -> list[str]:
    problems = []
    pdfs = sorted(site.glob("*/privacyverklaring.pdf"))
    if not pdfs:
        return [f"no PDFs under {site}"]
    for pdf in pdfs:
        slug = pdf.parent.name
        page = (pdf.parent / "index.html").read_text(encoding="utf-8")
        text = pdf_text(pdf)
        position = 0
        for title in section_titles(page):
            found = text.find(squash(title), position)
            if found < 0:
                problems.append(f"{slug}: section title not found in order in the PDF: {title!r}")
            else:
                position = found + len(squash(title))
        reader = PdfReader(str(pdf))
        root = resolve(reader.trailer["/Root"])
        mark = resolve(root.get("/MarkInfo")) or {}
        if not mark.get("/Marked"):
            problems.append(f"{slug}: not tagged (/MarkInfo /Marked is not true)")
        if "/StructTreeRoot" not in root:
            problems.append(f"{slug}: no /StructTreeRoot")
        lang = str(root.get("/Lang", ""))
        if not lang.lower().startswith("nl"):
            problems.append(f"{slug}: /Lang is {lang!r}, expected nl")
        title = (reader.metadata or {}).get("/Title")
        if not title:
            problems.append(f"{slug}: no document title")
        for font in fonts_embedded(reader):
            problems.append(f"{slug}: font not embedded: {font}")
        print(f"pdf: checked {slug}: {len(reader.pages)} pages, lang {lang}, title {title!r}")
    words_outside = bbox.check(site)
    print(f"pdf: {len(words_outside)} word(s) outside the text area or overlapping (pdftotext -bbox)")
    problems.extend(words_outside)
    return problems


if __name__ == "__main__":
    problems = check(Path(sys.argv[1]))
    for p in problems:
        print(f"pdf: FAIL {p}")
    print(f"pdf: {len(problems)} problem(s)")
    sys.exit(1 if problems else 0)
