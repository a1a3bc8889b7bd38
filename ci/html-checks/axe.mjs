// axe-core in real headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core)
// on every page and every fragment of a generated site, for the WCAG 2.0/2.1 A and AA rules.
// A fragment is checked wrapped in a minimal valid page with the theme's stylesheets (see
// site.mjs).
//
//   node axe.mjs SITE_DIR
//
// The site is served from a temporary copy on a loopback port (see browser.mjs). Requests to
// any other host are blocked and reported. When the site's CSS has a `prefers-color-scheme`
// query, every page is checked in the light and in the dark colour scheme.
//
// Prints every violation (rule, impact, help, page, CSS target of each element and its HTML),
// then one summary line per page, and exits 1 on any violation, any page that did not load or
// any local resource (stylesheet, image, font) that is missing; 2 on a setup problem.
//
// CHROMIUM (environment) overrides the browser, /usr/bin/chromium by default.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { CHROMIUM, launchChromium, localOnly, serve } from './browser.mjs';
import { prepareSite, siteArg } from './site.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** True when any stylesheet or page of the site reacts to the colour scheme. */
function hasDarkScheme(root) {
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).some((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return walk(p);
      return /\.(css|html)$/.test(e.name) && readFileSync(p, 'utf8').includes('prefers-color-scheme');
    });
  return walk(root);
}

const oneLine = (s, max = 160) => {
  const t = String(s).replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

async function main() {
  const siteDir = siteArg('axe.mjs');
  if (!existsSync(CHROMIUM)) {
    console.error(`axe: ${CHROMIUM} is missing (apt-get install chromium)`);
    return 2;
  }
  const site = prepareSite(siteDir);
  if (site.pages.length === 0) {
    console.error(`axe: no HTML pages under ${siteDir}`);
    site.cleanup();
    return 1;
  }
  const server = await serve(site.root);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const { browser, close } = await launchChromium('axe');

  const schemes = hasDarkScheme(site.root) ? ['light', 'dark'] : ['light'];
  const targets = [
    ...site.pages.map((p) => ({ kind: 'page', shown: p.rel, url: `${origin}/${p.rel}` })),
    ...site.fragments.map((f) => ({ kind: 'fragment', shown: `${f.rel} (wrapped)`, url: `${origin}/${f.wrapped}` })),
  ];

  let failed = false;
  let totalViolations = 0;
  const summary = [];
  try {
    for (const scheme of schemes) {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
      for (const t of targets) {
        const page = await context.newPage();
        const external = new Set();
        const broken = new Map(); // local path -> why
        await localOnly(page, origin, external);
        page.on('response', (r) => {
          if (r.status() >= 400 && r.url().startsWith(origin)) broken.set(r.url().slice(origin.length), `HTTP ${r.status()}`);
        });
        page.on('requestfailed', (r) => {
          const local = r.url().startsWith(origin) ? r.url().slice(origin.length) : null;
          if (local && !broken.has(local)) broken.set(local, r.failure()?.errorText ?? 'failed');
        });
        const label = `${t.shown}${schemes.length > 1 ? ` [${scheme}]` : ''}`;
        let results;
        try {
          const resp = await page.goto(t.url, { waitUntil: 'load', timeout: 30_000 });
          if (!resp || !resp.ok()) throw new Error(`HTTP ${resp ? resp.status() : 'no response'}`);
          await page.evaluate(() => document.fonts.ready);
          results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        } catch (e) {
          console.log(`axe: ${label}: could not check: ${oneLine(e.message, 400)}`);
          summary.push(`axe: FAIL ${t.kind.padEnd(8)} ${label}: not checked`);
          failed = true;
          await page.close();
          continue;
        }
        for (const u of external) console.log(`axe: ${label}: blocked a request to another host: ${u}`);
        for (const [local, why] of broken) {
          console.log(`axe: ${label}: missing local resource: ${local} (${why})`);
          failed = true;
        }
        let nodes = 0;
        for (const v of results.violations) {
          console.log(`axe: ${label}: ${v.id} (${v.impact}): ${v.help}`);
          console.log(`    ${v.helpUrl}`);
          for (const n of v.nodes) {
            nodes++;
            console.log(`    - target: ${n.target.map((s) => (Array.isArray(s) ? s.join(' >>> ') : s)).join(' | ')}`);
            console.log(`      html:   ${oneLine(n.html)}`);
            if (n.failureSummary) console.log(`      why:    ${oneLine(n.failureSummary.replace(/^Fix (any|all) of the following:\s*/i, ''), 300)}`);
          }
        }
        totalViolations += results.violations.length;
        if (results.violations.length) failed = true;
        summary.push(
          `axe: ${results.violations.length || broken.size ? 'FAIL' : 'ok  '} ${t.kind.padEnd(8)} ${label}: ` +
            `${results.violations.length} violation(s) on ${nodes} element(s), ${results.passes.length} rules passed, ` +
            `${results.incomplete.length} to review by hand` +
            (results.incomplete.length ? ` (${results.incomplete.map((r) => r.id).join(', ')})` : '') +
            (broken.size ? `, ${broken.size} missing resource(s)` : ''),
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
    `axe: ${site.pages.length} page(s), ${site.fragments.length} fragment(s), colour scheme(s) ${schemes.join('+')}, ` +
      `tags ${TAGS.join(',')}: ${totalViolations} violation(s)${failed ? ' — FAILED' : ' — passed'}`,
  );
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`axe: ${e.stack || e}`);
    process.exit(2);
  },
);
