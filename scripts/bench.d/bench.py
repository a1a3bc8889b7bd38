#!/usr/bin/env python3
"""Runs verklaar and the Python peer pipelines on one generated corpus and prints a Markdown
table. Started by scripts/bench (which builds the binary and the venv); run that instead.

    bench.py --bin PATH [--count 1000] [--runs 5] [--seed 1] [--pdf-docs 50] [--no-full-pdf]
    bench.py --toggle FILE     (used between rebuild runs: change the organisation name)

Every number is the median of --runs whole-process runs (hyperfine when installed, else a
timing loop here). Progress goes to stderr, the table to stdout and to target/bench/results.md.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PY = sys.executable  # the venv's python: the peers need its packages
HAVE_TIME = Path("/usr/bin/time").exists()  # GNU time, for max RSS
# What WeasyPrint loads at import (Pango, HarfBuzz subsetting) and a font; keep in sync with
# scripts/bench, which says the same before the run.
WEASYPRINT_APT = (
    "apt-get install -y libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"
)


def log(*parts):
    print(*parts, file=sys.stderr, flush=True)


def q(path):
    return shlex.quote(str(path))


# --- running and timing ----------------------------------------------------------------------


def run_checked(cmd, ok=(0,), capture=False):
    """Run `cmd` once (shell) and insist on an expected exit code. Timed runs ignore exit codes
    (verklaar exits 1 when files have errors), so this run is what catches a broken command
    before it is timed as a fast one. It also warms the page cache."""
    result = subprocess.run(
        cmd,
        shell=True,
        text=True,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    if result.returncode not in ok:
        log(f"\nFAILED (exit {result.returncode}, expected {'/'.join(map(str, ok))}): {cmd}")
        log(result.stderr[-3000:])
        sys.exit(1)
    return result


class Timer:
    def __init__(self, runs, work, use_hyperfine):
        self.runs, self.work, self.hyperfine = runs, work, use_hyperfine
        shutil.rmtree(work / "runs", ignore_errors=True)
        (work / "runs").mkdir(parents=True)

    def __call__(self, name, cmd, prepare=None, runs=None, ok=(0,)):
        """Seconds per run (list) of `cmd`, after one checked run."""
        runs = runs or self.runs
        if prepare:
            run_checked(prepare)
        run_checked(cmd, ok=ok)
        log(f"  timing {name}: {cmd}")
        if self.hyperfine:
            export = self.work / "runs" / f"{name}.json"
            args = [
                "hyperfine",
                "--runs",
                str(runs),
                "--style",
                "basic",
                "--ignore-failure",
                "--export-json",
                str(export),
                "--command-name",
                name,
            ]
            if prepare:
                args += ["--prepare", prepare]
            # hyperfine reports on stdout; keep stdout for the table.
            subprocess.run(args + [cmd], check=True, stdout=sys.stderr)
            return json.loads(export.read_text())["results"][0]["times"]
        times = []
        for _ in range(runs):
            if prepare:
                subprocess.run(prepare, shell=True, check=True, stdout=subprocess.DEVNULL)
            start = time.perf_counter()
            subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
        (self.work / "runs" / f"{name}.json").write_text(json.dumps({"times": times}))
        return times


def fresh(site):
    """Shell command that removes a site and everything verklaar keeps next to it: the lock and
    the incremental cache (`.site.verklaar-cache`). A full build must not find a cache."""
    return f"rm -rf {q(site.parent)} && mkdir -p {q(site.parent)}"


def max_rss(cmd, prepare=None, ok=(0,)):
    """(max RSS in MB, wall seconds) of one run, from GNU time."""
    if prepare:
        run_checked(prepare)
    result = run_checked(f"/usr/bin/time -v {cmd}", ok=ok)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", result.stderr)
    h, m, s = wall.groups()
    return rss / 1024, int(h or 0) * 3600 + int(m) * 60 + float(s)


def toggle(path):
    """Change one byte of meaning: flip the case of the last letter of the organisation name
    (the first `  name:` line after `organisation:`). Run twice, the file is as before."""
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    start = lines.index("organisation:")
    i = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("  name: "))
    j = max(k for k, ch in enumerate(lines[i]) if ch.isalpha())
    lines[i] = lines[i][:j] + lines[i][j].swapcase() + lines[i][j + 1 :]
    Path(path).write_text("\n".join(lines), encoding="utf-8")


# --- facts about the run -----------------------------------------------------------------------


def machine(binary, use_hyperfine):
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)
    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    rev = subprocess.run(
        ["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True, text=True
    ).stdout.strip()
    libs = {}
    for dist in ("PyYAML", "jsonschema", "Jinja2", "typst", "weasyprint"):
        try:
            libs[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            libs[dist] = "missing"
    if use_hyperfine:
        timer = subprocess.run(["hyperfine", "--version"], capture_output=True, text=True).stdout
    else:
        timer = "Python timing loop (bench.py)"
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": round(int(mem) / 1024**2, 1),
        "verklaar": version,
        "git": rev,
        "python": platform.python_version(),
        "libs": libs,
        "timer": timer.strip(),
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
    }


def lint_report(binary, path):
    """verklaar's JSON records per file name."""
    out = run_checked(f"{q(binary)} lint {q(path)} --exit-zero --format json", capture=True).stdout
    per_file = {}
    for record in json.loads(out)["diagnostics"]:
        per_file.setdefault(Path(record["file"]).name, []).append(record)
    return per_file


def load_failures(per_file):
    """File name -> L-codes of the files that did not load (error-level L records)."""
    return {
        f: sorted(
            {r["code"] for r in recs if r["code"].startswith("L") and r["severity"] == "error"}
        )
        for f, recs in per_file.items()
        if any(r["code"].startswith("L") and r["severity"] == "error" for r in recs)
    }


def count_pages(out):
    """(documents, pages) of the privacyverklaring.pdf files under `out`, by pdfinfo."""
    docs = pages = 0
    for pdf in sorted(out.glob("*/privacyverklaring.pdf")):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        docs += 1
        pages += int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    return docs, pages


# --- formatting ---------------------------------------------------------------------------------


def fmt_s(seconds):
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    if seconds < 60:
        return f"{seconds:.2f} s"
    return f"{int(seconds // 60)} min {seconds % 60:04.1f} s"


def fmt_ms(ms):
    return f"{ms:.2f}" if ms < 10 else f"{ms:.1f}" if ms < 100 else f"{ms:.0f}"


def ratio(peer, ours):
    return f"{peer / ours:.1f}×" if peer and ours else "—"


# --- the benchmark ------------------------------------------------------------------------


def make_corpus(args, work, binary):
    """Generate the corpus and find out what verklaar and the peer make of it."""
    c = argparse.Namespace()
    c.dir, c.pdf, c.rebuild = (
        work / "corpus",
        work / f"corpus-{args.pdf_docs}",
        work / "corpus-rebuild",
    )
    # The PDF subset is the same generator with a smaller count, which by construction gives
    # the first files of the big corpus byte for byte. The rebuild rows edit a copy.
    gen = f"{q(PY)} {q(HERE / 'corpus.py')} --seed {args.seed}"
    log(run_checked(f"{gen} --count {args.count} --out {q(c.dir)}").stderr.strip())
    run_checked(f"{gen} --count {args.pdf_docs} --out {q(c.pdf)}")
    shutil.rmtree(c.rebuild, ignore_errors=True)
    shutil.copytree(c.dir, c.rebuild)
    c.files = sorted(c.dir.glob("*.yaml"))
    c.mean_kb = sum(f.stat().st_size for f in c.files) / len(c.files) / 1024

    c.per_file = lint_report(binary, c.dir)
    c.failures = load_failures(c.per_file)
    c.load_rate = 1 - len(c.failures) / len(c.files)
    c.codes = {}
    for codes in c.failures.values():
        for code in codes:
            c.codes[code] = c.codes.get(code, 0) + 1
    c.codes_text = ", ".join(f"{code} ×{k}" for code, k in sorted(c.codes.items())) or "none"
    log(
        f"corpus loads: {c.load_rate:.1%} ({len(c.failures)} of {len(c.files)} files with load "
        f"errors: {c.codes_text})"
    )
    if c.load_rate < 0.9:
        log("WARNING: fewer than 90 % of the corpus files load; the corpus is not representative")
    peer_out = run_checked(f"{q(PY)} {q(HERE / 'peer_lint.py')} {q(c.dir)}", capture=True).stdout
    c.peer_flagged = {Path(line.split(": ", 1)[0]).name for line in peer_out.splitlines()}

    # Cold start: the usual case, a file that loads and has rule findings (the schema-only peer
    # passes it), and a file that does not load, which both report.
    c.cold = {
        "cold": next(
            (
                f
                for f in sorted(c.per_file)
                if f not in c.failures and any(r["severity"] == "error" for r in c.per_file[f])
            ),
            None,
        ),
        "cold_load": next((f for f in sorted(c.failures) if f in c.peer_flagged), None),
    }
    # The rebuild rows change the name in the first file that loads.
    c.changed = c.rebuild / next(f.name for f in c.files if f.name not in c.failures)
    return c


def weasyprint_loads():
    try:
        import weasyprint  # noqa: F401  (only whether it loads: it needs Pango from apt)
    except (ImportError, OSError) as e:
        log(
            f"WeasyPrint does not load ({e}); skipping it. Install its libraries with:\n"
            f"  {WEASYPRINT_APT}"
        )
        return False
    return True


def measure(args, work, binary, c, time_it):
    """Run every stage; returns (times per key, memory per key, (docs, pages) per PDF engine)."""
    v, peer, out = q(binary), f"{q(PY)} {q(HERE)}", work / "out"
    shutil.rmtree(out, ignore_errors=True)
    t, mem, pdf = {}, {}, {}

    log("\n[1/6] lint")
    t["lint_human"] = time_it("verklaar-lint-human", f"{v} lint {q(c.dir)} --exit-zero 2>/dev/null")
    t["lint_json"] = time_it(
        "verklaar-lint-json", f"{v} lint {q(c.dir)} --exit-zero --format json >/dev/null"
    )
    t["peer_lint"] = time_it("peer-lint", f"{peer}/peer_lint.py {q(c.dir)} >/dev/null")

    log("\n[2/6] load + lint + HTML")
    site_v, site_p = out / "html-verklaar" / "site", out / "html-peer" / "site"
    html_v = f"{v} build {q(c.dir)} --out {q(site_v)} --only html"
    html_p = f"{peer}/peer_html.py {q(c.dir)} {q(site_p)} >/dev/null"
    t["html"] = time_it("verklaar-html", html_v, prepare=fresh(site_v), ok=(0, 1))
    t["peer_html"] = time_it("peer-html", html_p, prepare=fresh(site_p))
    if HAVE_TIME:
        mem["html"] = max_rss(html_v, prepare=fresh(site_v), ok=(0, 1))
        mem["peer_html"] = max_rss(html_p, prepare=fresh(site_p))

    log(f"\n[3/6] PDF, {args.pdf_docs} documents")
    site = out / "pdf-verklaar" / "site"
    pdf_v = f"{v} build {q(c.pdf)} --out {q(site)} --only pdf"
    t["pdf"] = time_it("verklaar-pdf", pdf_v, prepare=fresh(site), ok=(0, 1))
    pdf["verklaar"] = count_pages(site)
    for engine in ["typst"] + (["weasyprint"] if weasyprint_loads() else []):
        site = out / f"pdf-{engine}" / "site"
        cmd = f"{peer}/peer_pdf.py {q(c.pdf)} {q(site)} --engine {engine} >/dev/null"
        t[f"peer_pdf_{engine}"] = time_it(f"peer-pdf-{engine}", cmd, prepare=fresh(site))
        pdf[engine] = count_pages(site)

    log("\n[4/6] cold start to first finding")
    cold_runs = max(args.runs, 10)  # a few ms each: more runs cost nothing
    for key, name in c.cold.items():
        if name:
            one = q(c.dir / name)
            cmd = f"{v} lint {one} 2>/dev/null"
            t[key] = time_it(f"verklaar-{key}", cmd, ok=(1,), runs=cold_runs)
            t[f"peer_{key}"] = time_it(
                f"peer-{key}", f"{peer}/peer_lint.py {one} >/dev/null", runs=cold_runs
            )

    log("\n[5/6] rebuild after one change")
    # One full build, then before every timed build one organisation name changes. Whatever
    # verklaar keeps between builds (its cache) stays: that is what this row measures.
    toggle_cmd = f"{q(PY)} {q(HERE / 'bench.py')} --toggle {q(c.changed)}"
    site = out / "rebuild-html" / "site"
    rebuild = f"{v} build {q(c.rebuild)} --out {q(site)} --only html"
    run_checked(fresh(site))
    run_checked(rebuild, ok=(0, 1))
    t["rebuild_html"] = time_it("verklaar-rebuild-html", rebuild, prepare=toggle_cmd, ok=(0, 1))

    if args.no_full_pdf:
        log("\n[6/6] skipped (--no-full-pdf)")
        return t, mem, pdf
    log(f"\n[6/6] full build with PDF ({args.count} organisations), peak memory, rebuild")
    site = out / "full" / "site"
    full = f"{v} build {q(c.rebuild)} --out {q(site)}"
    # This first build is the peak-memory measurement and the base of the rebuilds.
    if HAVE_TIME:
        mem["full"] = max_rss(full, prepare=fresh(site), ok=(0, 1))
    else:
        run_checked(fresh(site))
        start = time.perf_counter()
        run_checked(full, ok=(0, 1))
        mem["full"] = (None, time.perf_counter() - start)
    # Without a cache each of these runs takes as long as the full build above.
    t["rebuild_full"] = time_it("verklaar-rebuild-full", full, prepare=toggle_cmd, ok=(0, 1))
    return t, mem, pdf


def table(args, info, c, t, mem, pdf):
    """The Markdown report."""
    n = args.count
    med = {k: statistics.median(times) for k, times in t.items()}

    def per_org(s):
        return f"{fmt_ms(s * 1000 / n)} ms/org"

    def cell(s):
        return f"{fmt_s(s)} · {per_org(s)}"

    def pdf_cell(s, docs_pages):
        docs, pages = docs_pages
        return (
            f"{fmt_s(s)} · {fmt_ms(s * 1000 / max(docs, 1))} ms/doc · "
            f"{fmt_ms(s * 1000 / max(pages, 1))} ms/page "
            f"({docs} docs, {pages / max(docs, 1):.1f} pages/doc)"
        )

    rows = [
        (f"lint, human output ({n} orgs)", cell(med["lint_human"]),
         f"peer_lint: {cell(med['peer_lint'])}", ratio(med["peer_lint"], med["lint_human"])),
        (f"lint, `--format json` ({n} orgs)", cell(med["lint_json"]),
         f"peer_lint: {cell(med['peer_lint'])}", ratio(med["peer_lint"], med["lint_json"])),
        (f"load + lint + HTML ({n} orgs)", cell(med["html"]),
         f"peer_html: {cell(med['peer_html'])}", ratio(med["peer_html"], med["html"])),
    ]
    for engine, label in (("typst", "typst"), ("weasyprint", "WeasyPrint")):
        if f"peer_pdf_{engine}" in med:
            peer_s = med[f"peer_pdf_{engine}"]
            rows.append((
                f"PDF, {args.pdf_docs} docs, vs {label}", pdf_cell(med["pdf"], pdf["verklaar"]),
                f"peer_pdf {engine}: {pdf_cell(peer_s, pdf[engine])}", ratio(peer_s, med["pdf"]),
            ))
    if "html" in mem:
        rows.append((
            f"peak memory, load + lint + HTML ({n} orgs)", f"{mem['html'][0]:.0f} MB max RSS",
            f"peer_html: {mem['peer_html'][0]:.0f} MB max RSS",
            ratio(mem["peer_html"][0], mem["html"][0]),
        ))
    if "full" in mem:
        rss, wall = mem["full"]
        rss_text = f"{rss:.0f} MB max RSS" if rss else "n/a (no /usr/bin/time)"
        rows.append((f"peak memory, {n} orgs with PDF",
                     f"{rss_text} (that build: {cell(wall)})", "—", "—"))
    rows.append((
        f"rebuild after 1 change in {n}, HTML", cell(med["rebuild_html"]),
        f"peer_html (no cache, full run): {cell(med['peer_html'])}",
        ratio(med["peer_html"], med["rebuild_html"]),
    ))
    if "rebuild_full" in med:
        rows.append((f"rebuild after 1 change in {n}, HTML + PDF", cell(med["rebuild_full"]),
                     "—", "—"))
    for key, label in (("cold", "a rule finding"), ("cold_load", "a load error")):
        if key in med:
            rows.append((
                f"cold start to first finding (1 file, {label})", fmt_s(med[key]),
                f"peer_lint: {fmt_s(med['peer_' + key])}", ratio(med["peer_" + key], med[key]),
            ))

    libs = ", ".join(f"{k} {ver}" for k, ver in info["libs"].items())
    lines = [
        f"## verklaar vs. Python peers ({info['date']})",
        "",
        f"Machine: {info['nproc']} × {info['cpu']}, {info['memory_gb']} GB RAM; "
        f"{info['verklaar']} (worktree at git {info['git']}); Python {info['python']} with {libs}; "
        f"timer: {info['timer']}.",
        "",
        f"Corpus: {len(c.files)} generated organisations (seed {args.seed}), mean "
        f"{c.mean_kb:.1f} KB; {c.load_rate:.1%} load in verklaar ({len(c.failures)} with "
        f"L-codes: {c.codes_text}); the schema rejects {len(c.peer_flagged)} in the peer. "
        f"PDF rows: the first {args.pdf_docs} files.",
        "",
        "| stage | verklaar | peer | ratio |",
        "|---|---|---|---|",
        *[f"| {' | '.join(r)} |" for r in rows],
        "",
        f"Median of {args.runs} whole-process runs (cold start: {max(args.runs, 10)}), after "
        "one unmeasured run; ratio = peer time / verklaar time (memory: peer / verklaar). "
        "Builds start with no output folder and no cache; rebuilds start from the previous "
        "build (and its cache) with one organisation name changed. Cold start files: "
        f"`{c.cold['cold']}` (loads, has rule findings; the schema-only peer finds nothing) and "
        f"`{c.cold['cold_load']}` (does not load; both report it).",
        "",
        "What the peers do not do: peer_lint is JSON Schema validation only (no lint rules, no "
        "line/column, no help texts); peer_html and peer_pdf render a simpler template than "
        "verklaar (no sentence catalogue, no u/je forms, no draft banner), and their PDFs are "
        "untagged (verklaar writes PDF/UA-1 and PDF/A-2a).",
        "",
        "Spread (min – median – max, seconds):",
        "",
        *[
            f"- {k}: {min(x):.3f} – {statistics.median(x):.3f} – {max(x):.3f} ({len(x)} runs)"
            for k, x in t.items()
        ],
    ]
    return "\n".join(lines) + "\n"


def main():
    if sys.argv[1:2] == ["--toggle"]:
        return toggle(sys.argv[2])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", type=Path, required=True)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pdf-docs", type=int, default=50)
    parser.add_argument(
        "--no-full-pdf",
        action="store_true",
        help="skip the peak-memory build and the rebuild with PDF (minutes)",
    )
    parser.add_argument("--work", type=Path, default=ROOT / "target" / "bench")
    parser.add_argument("--timer", choices=["auto", "hyperfine", "python"], default="auto")
    args = parser.parse_args()

    binary, work = args.bin.resolve(), args.work.resolve()
    use_hf = args.timer == "hyperfine" or (args.timer == "auto" and bool(shutil.which("hyperfine")))
    time_it = Timer(args.runs, work, use_hf)
    info = machine(binary, use_hf)
    log(f"machine: {info['nproc']} × {info['cpu']}, {info['memory_gb']} GB; {info['verklaar']}")

    corpus = make_corpus(args, work, binary)
    t, mem, pdf = measure(args, work, binary, corpus, time_it)
    report = table(args, info, corpus, t, mem, pdf)

    (work / "results.md").write_text(report, encoding="utf-8")
    raw = {
        "machine": info,
        "args": {k: str(val) for k, val in vars(args).items()},
        "load_rate": corpus.load_rate,
        "load_failures": corpus.failures,
        "times": t,
        "memory_mb_and_wall_s": mem,
        "pdf_docs_pages": pdf,
    }
    (work / "results.json").write_text(json.dumps(raw, indent=1))
    log(f"\nwritten: {work / 'results.md'}, {work / 'results.json'}\n")
    print(report)


if __name__ == "__main__":
    main()
