// The Nu HTML Checker (vnu.jar from npm `vnu-jar`) on every page and every fragment of a
// generated site. A fragment is checked wrapped in a minimal valid page (see site.mjs); its
// messages name the fragment and its own line numbers.
//
//   node vnu.mjs SITE_DIR
//
// Prints every error as `FILE:LINE.COL: error: MESSAGE` with the offending source extract,
// then one line per file, and exits 1 on any error (0 when every file is valid, 2 on a usage
// or setup problem). Runs `java -jar vnu.jar --errors-only` once over all files.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FRAGMENT_LINE_OFFSET, prepareSite, siteArg } from './site.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const jar = path.join(here, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
const siteDir = siteArg('vnu.mjs');

if (!existsSync(jar)) {
  console.error(`vnu: ${jar} is missing; run 'npm ci --ignore-scripts' in ${here}`);
  process.exit(2);
}

const site = prepareSite(siteDir);
let status = 0;
try {
  status = check();
} finally {
  site.cleanup();
}
process.exit(status);

function check() {
  let status = 0;
  // What vnu is given, and how its answers map back to the files of the site.
  const targets = [
    ...site.pages.map((p) => ({ shown: p.rel, checked: p.file, lineOffset: 0, kind: 'page' })),
    ...site.fragments.map((f) => ({
      shown: f.rel,
      checked: path.join(site.root, f.wrapped),
      lineOffset: FRAGMENT_LINE_OFFSET,
      kind: 'fragment',
    })),
  ];
  if (site.pages.length === 0) {
    console.error(`vnu: no HTML pages under ${siteDir}`);
    return 1;
  }
  const byUrl = new Map(targets.map((t) => [pathToFileURL(t.checked).href, t]));
  const byPath = new Map(targets.map((t) => [t.checked, t]));
  const find = (url) => {
    if (!url) return undefined;
    if (byUrl.has(url)) return byUrl.get(url);
    try {
      // vnu writes file:/path (one slash); normalise through a path.
      return byPath.get(fileURLToPath(url.replace(/^file:\/(?!\/)/, 'file:///')));
    } catch {
      return undefined;
    }
  };

  const run = spawnSync(
    'java',
    ['-Xss8m', '-jar', jar, '--errors-only', '--format', 'json', '--exit-zero-always', ...targets.map((t) => t.checked)],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  if (run.error) {
    console.error(`vnu: could not start java: ${run.error.message}`);
    return 2;
  }
  let report;
  try {
    report = JSON.parse(run.stderr || run.stdout);
  } catch {
    console.error(`vnu: unexpected output (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    return 2;
  }

  const counts = new Map(targets.map((t) => [t, 0]));
  for (const m of report.messages ?? []) {
    // With --errors-only only errors and non-document errors (a file vnu could not read) are left.
    const t = find(m.url);
    const name = t ? `${t.shown}${t.kind === 'fragment' ? ' (wrapped)' : ''}` : m.url ?? '(no file)';
    const off = t ? t.lineOffset : 0;
    const line = m.lastLine !== undefined ? m.lastLine - off : undefined;
    const first = m.firstLine !== undefined ? m.firstLine - off : line;
    let where = '';
    if (line !== undefined) {
      where = first !== undefined && first !== line ? `:${first}.${m.firstColumn}-${line}.${m.lastColumn}` : `:${line}.${m.firstColumn ?? m.lastColumn}-${m.lastColumn}`;
    }
    const type = m.subType ? `${m.type} (${m.subType})` : m.type;
    console.log(`${name}${where}: ${type}: ${m.message}`);
    if (m.extract) console.log(`    ${m.extract.replace(/\s*\n\s*/g, ' ').trim()}`);
    if (t) counts.set(t, counts.get(t) + 1);
    else status = 1; // a message about no known file still fails the check
  }

  let total = 0;
  for (const [t, n] of counts) {
    total += n;
    console.log(`vnu: ${n === 0 ? 'ok  ' : 'FAIL'} ${t.kind.padEnd(8)} ${t.shown}: ${n} error(s)`);
  }
  if (total > 0) status = 1;
  console.log(
    `vnu: ${site.pages.length} page(s), ${site.fragments.length} fragment(s), ${total} error(s)` +
      (status ? ' — FAILED' : ' — passed'),
  );
  return status;
}
