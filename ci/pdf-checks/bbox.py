"""Word-box check for verklaar's PDFs: every word lies inside the page's text area.

`pdftotext -bbox` (poppler) gives the box of every word on every page. A word fails when

- its left or right edge lies outside the text area's columns: the page width minus the
  template's left and right margins (this holds for every word, including the running header
  and footer, which share the body's columns), or
- any edge lies outside the page box (the running header and footer live in the top and
  bottom margins, so y is checked against the page, not against the margins), or
- it overlaps another word (by more than 1pt both ways): text printed over text.

This finds table cells printed past the right margin or over each other in a strip beside
the table, and long words or URLs that run out of their line.

The margins come from the template (`margin: (x: 2.3cm, ...)` in
themes/default/statement.typ), so the check follows the template when it changes;
`--margin-x` overrides them for another theme.

Usage: python3 bbox.py [--margin-x 2.3cm] [--template statement.typ] SITE_DIR|PDF...
       (exit 1 when any word is outside or overlaps another; one line per offending word)
"""

import argparse
import html
import re
import subprocess
import sys
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parents[2] / "themes" / "default" / "statement.typ"

# Rounding in typst's positions and poppler's widths: a justified line ends on the margin.
TOLERANCE_PT = 0.5

# typst hangs a line's last dash, hyphen or punctuation mark into the right margin (text
# `overhang`, typst-layout inline/line.rs: at most 0.8 of a period's or comma's advance,
# 0.55 of a hyphen's, 0.2 of a dash's, i.e. at most ~0.2em). A word ending in one of these
# may end that far past the margin; the word box of pdftotext is ~1.15em high, so 0.2em is
# ~0.18 of it.
HANGING = "–—-\u00ad.,:;"
HANG_PER_BOX_HEIGHT = 0.2

# Two words overlap when their boxes share more than this both ways.
OVERLAP_PT = 1.0

UNITS_PT = {"pt": 1.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0}

PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
WORD = re.compile(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>')


def length_pt(text: str) -> float:
    m = re.fullmatch(r"\s*([\d.]+)\s*(pt|mm|cm|in)\s*", text)
    if not m:
        raise ValueError(f"not a length: {text!r} (use pt, mm, cm or in)")
    return float(m.group(1)) * UNITS_PT[m.group(2)]


def template_margin_x(template: Path) -> float:
    """The left/right page margin of a typst template's `#set page(margin: (x: ...))`."""
    source = template.read_text(encoding="utf-8")
    m = re.search(r"#set page\((?:.|\n)*?margin:\s*\(([^)]*)\)", source)
    if m:
        x = re.search(r"\bx:\s*([\d.]+\s*(?:pt|mm|cm|in))", m.group(1))
        if x:
            return length_pt(x.group(1))
    raise ValueError(f"{template}: no `#set page(margin: (x: ...))` found; pass --margin-x")


def words(pdf: Path):
    """(page number, page width, page height, xmin, ymin, xmax, ymax, word) for every word."""
    # Poppler prints "Suspects object is wrong type" on typst's tagged PDFs; harmless.
    out = subprocess.run(
        ["pdftotext", "-bbox", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages = list(PAGE.finditer(out))
    for number, page in enumerate(pages, start=1):
        end = pages[number].start() if number < len(pages) else len(out)
        width, height = float(page.group(1)), float(page.group(2))
        for w in WORD.finditer(out, page.end(), end):
            x0, y0, x1, y1 = (float(w.group(i)) for i in range(1, 5))
            yield number, width, height, x0, y0, x1, y1, html.unescape(w.group(5))


def outside(pdf: Path, margin_x: float) -> list[str]:
    """One message per word outside the text area."""
    problems = []
    for page, width, height, x0, y0, x1, y1, word in words(pdf):
        left, right = margin_x - TOLERANCE_PT, width - margin_x + TOLERANCE_PT
        if word and word[-1] in HANGING:
            right += HANG_PER_BOX_HEIGHT * (y1 - y0)
        where = []
        if x0 < left:
            where.append(f"starts {margin_x - x0:.1f}pt left of the left margin")
        if x1 > right:
            where.append(f"ends {x1 - (width - margin_x):.1f}pt right of the right margin")
        if y0 < -TOLERANCE_PT or y1 > height + TOLERANCE_PT:
            where.append("outside the page vertically")
        if where:
            problems.append(
                f"page {page}: word {word!r} at x {x0:.1f}–{x1:.1f}, y {y0:.1f}–{y1:.1f} "
                f"(text area x {margin_x:.1f}–{width - margin_x:.1f}): {', '.join(where)}"
            )
    return problems


def overlapping(pdf: Path) -> list[str]:
    """One message per pair of words whose boxes overlap by more than 1pt both ways."""
    by_page: dict[int, list] = {}
    for page, _, _, x0, y0, x1, y1, word in words(pdf):
        by_page.setdefault(page, []).append((y0, y1, x0, x1, word))
    problems = []
    for page, boxes in by_page.items():
        boxes.sort()
        for i, (y0, y1, x0, x1, word) in enumerate(boxes):
            for oy0, oy1, ox0, ox1, other in boxes[i + 1 :]:
                if oy0 >= y1 - OVERLAP_PT:
                    break  # sorted by top: no later box reaches into this one
                if min(y1, oy1) - max(y0, oy0) > OVERLAP_PT and min(x1, ox1) - max(x0, ox0) > OVERLAP_PT:
                    problems.append(
                        f"page {page}: words {word!r} at x {x0:.1f}–{x1:.1f}, y {y0:.1f}–{y1:.1f} "
                        f"and {other!r} at x {ox0:.1f}–{ox1:.1f}, y {oy0:.1f}–{oy1:.1f} overlap"
                    )
    return problems


def pdfs_of(paths: list[str]) -> list[Path]:
    found = []
    for p in map(Path, paths):
        found.extend(sorted(p.glob("*/privacyverklaring.pdf")) if p.is_dir() else [p])
    return found


def check(site: Path, margin_x: float | None = None) -> list[str]:
    """For check.py: the problems of every privacyverklaring.pdf under `site`."""
    margin = margin_x if margin_x is not None else template_margin_x(TEMPLATE)
    problems = []
    for pdf in pdfs_of([str(site)]):
        problems.extend(f"{pdf.parent.name}: {p}" for p in outside(pdf, margin) + overlapping(pdf))
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", help="site folders (*/privacyverklaring.pdf) or PDF files")
    parser.add_argument("--margin-x", help="left/right margin, e.g. 2.3cm (default: the template's)")
    parser.add_argument("--template", type=Path, default=TEMPLATE, help="template to read the margin from")
    args = parser.parse_args()
    margin = length_pt(args.margin_x) if args.margin_x else template_margin_x(args.template)
    pdfs = pdfs_of(args.paths)
    if not pdfs:
        print(f"bbox: no PDFs in {' '.join(args.paths)}")
        return 1
    total = 0
    for pdf in pdfs:
        out, over = outside(pdf, margin), overlapping(pdf)
        total += len(out) + len(over)
        for p in out + over:
            print(f"bbox: FAIL {pdf}: {p}")
        print(f"bbox: {pdf}: {len(out)} word(s) outside the text area, {len(over)} overlapping pair(s)")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
