// Reflow (WCAG 1.4.10): every page and every fragment of a generated site, in real headless
// Chromium, at a phone's width (390 CSS px) and a desktop's (1280 px). A fragment is checked
// wrapped in a minimal page with the theme's stylesheets (see site.mjs).
//
//   node reflow.mjs SITE_DIR [--screenshots=DIR]
//
// A page fails at a width when
//   - the document scrolls sideways: document.documentElement.scrollWidth > clientWidth, or
//   - any rendered element's right edge lies beyond the viewport (clientWidth), also when
//     the overflow is hidden from the document by a scrolling box (overflow: auto/scroll): a
//     reader on a phone would still have to scroll sideways inside that box, or
//   - any box with overflow-x auto/scroll actually scrolls sideways (its text or children are
//     wider than it is), wherever it sits.
// Elements cut away by an ancestor that hides its overflow (overflow: hidden/clip, or a
// `clip` rectangle: visually hidden text for screen readers) are not on the screen and do
// not count. Elements off the left edge (a skip link parked at -10000px) do not count either.
//
// Prints every offending element (outermost first, at most MAX_SHOWN per page and width:
// its CSS path, right edge and HTML), then one summary line per page and width, and exits 1
// on any failure or any page that did not load; 2 on a setup problem. With --screenshots=DIR
// a full-page PNG of every page at every width is written to DIR.

import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM, launchChromium, localOnly, serve } from './browser.mjs';
import { prepareSite, siteArg } from './site.mjs';

// REFLOW_WIDTHS=390,768,1280 (environment) checks other widths too.
const WIDTHS = (process.env.REFLOW_WIDTHS || '390,1280').split(',').map(Number).filter((w) => w > 0);
const HEIGHT = 844;
const MAX_SHOWN = 8;

const oneLine = (s, max = 160) => {
  const t = String(s).replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

/** Runs in the page: the document's widths and the elements that stick out to the right. */
function measure() {
  // Sub-pixel layout: half a pixel is rounding, not overflow.
  const TOLERANCE = 0.5;
  const root = document.documentElement;
  const viewport = root.clientWidth;
  const cssPath = (el) => {
    const parts = [];
    for (let e = el; e && e !== root; e = e.parentElement) {
      let part = e.localName;
      if (e.id) part += `#${e.id}`;
      else if (e.classList.length) part += `.${[...e.classList].join('.')}`;
      const parent = e.parentElement;
      if (!e.id && parent) {
        const same = [...parent.children].filter((c) => c.localName === e.localName);
        if (same.length > 1) part += `:nth-of-type(${same.indexOf(e) + 1})`;
      }
      parts.unshift(part);
      if (e.id) break;
    }
    return parts.join(' > ');
  };
  /** The right edge of what can be seen of `el` after ancestors that clip it, or null if nothing. */
  const visibleRight = (el, rect) => {
    let right = rect.right;
    for (let e = el; e && e !== root; e = e.parentElement) {
      const cs = getComputedStyle(e);
      // `clip: rect(0 0 0 0)` and friends (absolutely positioned visually hidden text).
      if (cs.position === 'absolute' || cs.position === 'fixed') {
        if (cs.clip && cs.clip !== 'auto') {
          const r = e.getBoundingClientRect();
          const m = /rect\(\s*([-\d.]+)px,?\s*([-\d.]+)px,?\s*([-\d.]+)px,?\s*([-\d.]+)px\s*\)/.exec(cs.clip);
          if (!m) return null;
          const [top, clipRight, bottom, left] = m.slice(1).map(Number);
          if (clipRight <= left || bottom <= top) return null;
          right = Math.min(right, r.left + clipRight);
        }
      }
      if (cs.clipPath && cs.clipPath.startsWith('inset(100%')) return null;
      if (e !== el && (cs.overflowX === 'hidden' || cs.overflowX === 'clip')) {
        right = Math.min(right, e.getBoundingClientRect().right);
      }
    }
    return right;
  };
  const offenders = [];
  let count = 0;
  for (const el of document.body.querySelectorAll('*')) {
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden' || cs.visibility === 'collapse') continue;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    const right = rect.right + window.scrollX;
    // A box of its own that scrolls sideways (its text or children are wider than it is).
    const scrollsX =
      (cs.overflowX === 'auto' || cs.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + TOLERANCE;
    if (!scrollsX) {
      if (right <= viewport + TOLERANCE) continue;
      const seen = visibleRight(el, rect);
      if (seen === null || seen + window.scrollX <= viewport + TOLERANCE) continue;
    }
    count++;
    // Outermost first: an element inside one already reported adds nothing.
    if (offenders.some((o) => o.el.contains(el))) continue;
    offenders.push({
      el,
      path: cssPath(el),
      why: scrollsX
        ? `scrolls sideways: scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}`
        : `right edge at ${Math.round(right)}px`,
      html: el.outerHTML.slice(0, 400),
    });
  }
  return {
    scrollWidth: root.scrollWidth,
    clientWidth: viewport,
    count,
    offenders: offenders.map(({ path, why, html }) => ({ path, why, html })),
  };
}

async function main() {
  const siteDir = siteArg('reflow.mjs');
  const shotsArg = process.argv.slice(2).find((a) => a.startsWith('--screenshots='));
  const shots = shotsArg ? path.resolve(shotsArg.slice('--screenshots='.length)) : null;
  if (shots) mkdirSync(shots, { recursive: true });
  if (!existsSync(CHROMIUM)) {
    console.error(`reflow: ${CHROMIUM} is missing (apt-get install chromium)`);
    return 2;
  }
  const site = prepareSite(siteDir);
  if (site.pages.length === 0) {
    console.error(`reflow: no HTML pages under ${siteDir}`);
    site.cleanup();
    return 1;
  }
  const server = await serve(site.root);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const { browser, close } = await launchChromium('reflow');
  const targets = [
    ...site.pages.map((p) => ({ kind: 'page', shown: p.rel, url: `${origin}/${p.rel}` })),
    ...site.fragments.map((f) => ({ kind: 'fragment', shown: `${f.rel} (wrapped)`, url: `${origin}/${f.wrapped}` })),
  ];

  let failed = false;
  let failures = 0;
  const summary = [];
  try {
    for (const width of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height: HEIGHT }, deviceScaleFactor: 1 });
      for (const t of targets) {
        const page = await context.newPage();
        const external = new Set();
        await localOnly(page, origin, external);
        const label = `${t.shown} @ ${width}px`;
        let m;
        try {
          const resp = await page.goto(t.url, { waitUntil: 'load', timeout: 30_000 });
          if (!resp || !resp.ok()) throw new Error(`HTTP ${resp ? resp.status() : 'no response'}`);
          await page.evaluate(() => document.fonts.ready);
          m = await page.evaluate(measure);
          if (shots) {
            const name = `${t.shown.replace(/ \(wrapped\)$/, '').replace(/[/\\]/g, '_').replace(/\.html$/, '')}-${width}.png`;
            await page.screenshot({ path: path.join(shots, name), fullPage: true });
          }
        } catch (e) {
          console.log(`reflow: ${label}: could not check: ${oneLine(e.message, 400)}`);
          summary.push(`reflow: FAIL ${t.kind.padEnd(8)} ${label}: not checked`);
          failed = true;
          failures++;
          await page.close();
          continue;
        }
        for (const u of external) console.log(`reflow: ${label}: blocked a request to another host: ${u}`);
        const scrolls = m.scrollWidth > m.clientWidth;
        const bad = scrolls || m.count > 0;
        if (scrolls) {
          console.log(`reflow: ${label}: the page scrolls sideways: scrollWidth ${m.scrollWidth} > clientWidth ${m.clientWidth}`);
        }
        if (m.count > 0) {
          console.log(
            `reflow: ${label}: ${m.count} element(s) end beyond the right edge of the ${m.clientWidth}px viewport or scroll sideways:`,
          );
          for (const o of m.offenders.slice(0, MAX_SHOWN)) {
            console.log(`    - ${o.path} (${o.why})`);
            console.log(`      html: ${oneLine(o.html)}`);
          }
          if (m.offenders.length > MAX_SHOWN) console.log(`    … and ${m.offenders.length - MAX_SHOWN} more`);
        }
        if (bad) {
          failed = true;
          failures++;
        }
        summary.push(
          `reflow: ${bad ? 'FAIL' : 'ok  '} ${t.kind.padEnd(8)} ${label}: scrollWidth ${m.scrollWidth}, ` +
            `clientWidth ${m.clientWidth}, ${m.count} element(s) beyond the right edge or scrolling sideways`,
        );
        await page.close();
      }
      await context.close();
    }
  } finally {
    await close();
    server.close();
    site.cleanup();
  }
  for (const line of summary) console.log(line);
  console.log(
    `reflow: ${site.pages.length} page(s), ${site.fragments.length} fragment(s) at ${WIDTHS.join(' and ')} px: ` +
      `${failures} failure(s)${failed ? ' — FAILED' : ' — passed'}` +
      (shots ? `; screenshots in ${shots}` : ''),
  );
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`reflow: ${e.stack || e}`);
    process.exit(2);
  },
);
