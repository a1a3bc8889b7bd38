// Shared by vnu.mjs and axe.mjs: finds the generated pages and fragments of a site and
// wraps every fragment in a minimal valid page, since a fragment alone is not a document.
//
// The site is copied to a temporary folder and each wrapped fragment is written beside its
// fragment there (`<slug>/fragment.wrapped.html`), so relative links to the theme's CSS,
// images and fonts resolve exactly as they do for the fragment itself.

import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const WRAPPED_SUFFIX = '.wrapped.html';

/** True for a file that holds an embeddable fragment rather than a whole document. */
export function isFragment(file) {
  const base = path.basename(file);
  return base === 'fragment.html' || base.endsWith('.fragment.html');
}

/** Every .html file under `dir`, sorted, as paths relative to `dir` with forward slashes. */
export function listHtml(dir) {
  const out = [];
  const walk = (rel) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && entry.name.endsWith('.html') && !entry.name.endsWith(WRAPPED_SUFFIX)) {
        out.push(child);
      }
    }
  };
  walk('');
  return out.sort();
}

const escapeAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The stylesheets that the full page beside a fragment (`<slug>/index.html`) links, as
 * `<link>` elements for the wrapper's head, unless the fragment brings its own CSS (a
 * `<link rel=stylesheet>` or a `<style>` element), in which case the wrapper adds none.
 */
function stylesheetLinksFor(siteDir, fragmentRel, fragmentHtml) {
  if (/<link\b[^>]*\brel\s*=\s*["']?stylesheet/i.test(fragmentHtml) || /<style\b/i.test(fragmentHtml)) {
    return [];
  }
  const page = path.join(siteDir, path.dirname(fragmentRel), 'index.html');
  let pageHtml;
  try {
    pageHtml = readFileSync(page, 'utf8');
  } catch {
    return [];
  }
  const links = [];
  for (const m of pageHtml.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    if (!/\brel\s*=\s*["']?stylesheet/i.test(tag)) continue;
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    if (!href) continue;
    const url = href[1] ?? href[2] ?? href[3];
    // The wrapper sits in the same folder as the page, so a relative href stays valid.
    links.push(`<link rel="stylesheet" href="${escapeAttr(url)}">`);
  }
  return links;
}

/**
 * The wrapper. The fragment starts on line 2 of the wrapped file, so a message about line N
 * of the wrapped file is about line N-1 of the fragment (see FRAGMENT_LINE_OFFSET).
 */
export function wrapFragment(fragmentHtml, stylesheetLinks) {
  const head =
    '<!doctype html><html lang="nl"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>fragment</title>${stylesheetLinks.join('')}</head><body><main>`;
  const body = fragmentHtml.endsWith('\n') ? fragmentHtml : `${fragmentHtml}\n`;
  return `${head}\n${body}</main></body></html>\n`;
}
export const FRAGMENT_LINE_OFFSET = 1;

/**
 * Prepares a site for checking. Returns { root, pages, fragments, cleanup } where `root` is a
 * temporary copy of the site; `pages` are { rel, file } for whole documents and `fragments`
 * are { rel, file, wrapped } with `wrapped` the wrapper's path relative to `root`.
 */
export function prepareSite(siteDir) {
  const st = statSync(siteDir, { throwIfNoEntry: false });
  if (!st || !st.isDirectory()) {
    throw new Error(`site folder not found: ${siteDir}`);
  }
  const root = mkdtempSync(path.join(tmpdir(), 'verklaar-html-checks-'));
  cpSync(siteDir, root, { recursive: true });
  const pages = [];
  const fragments = [];
  for (const rel of listHtml(root)) {
    if (isFragment(rel)) {
      const html = readFileSync(path.join(root, rel), 'utf8');
      const wrapped = rel.replace(/\.html$/, WRAPPED_SUFFIX);
      writeFileSync(path.join(root, wrapped), wrapFragment(html, stylesheetLinksFor(root, rel, html)));
      fragments.push({ rel, file: path.join(root, rel), wrapped });
    } else {
      pages.push({ rel, file: path.join(root, rel) });
    }
  }
  return {
    root,
    pages,
    fragments,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** `node x.mjs SITE_DIR`: the site folder argument, or exit 2 with a usage line. */
export function siteArg(script) {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (args.length !== 1) {
    console.error(`usage: node ${script} SITE_DIR`);
    process.exit(2);
  }
  return path.resolve(args[0]);
}
