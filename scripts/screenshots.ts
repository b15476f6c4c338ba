// `npm run screenshots`: the demo's job summary as GitHub shows it, in its
// light and dark themes: docs/summary-light.png and docs/summary-dark.png.
// The markdown is rendered with marked (GitHub-flavoured, with GitHub's alert
// blocks), styled with github-markdown-css, and its charts drawn by mermaid
// with the theme GitHub picks for each (`default`, `dark`), in headless
// Chromium. Run `npm run demo` first; needs Chromium (Debian: apt-get install
// chromium; another binary: CHROMIUM=/path/to/chrome). Not part of the tests:
// the colours are checked by __tests__/report/mermaid-render.test.ts.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { marked } from 'marked';
import { REPO_ROOT } from '../test-support/run-action.js';

const SUMMARY = process.argv[2] ?? path.join(REPO_ROOT, 'demo-output', 'summary.md');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** GitHub's job summary column is about 1,000 px wide; the height shows the headline, the next steps and the charts. */
const WINDOW = { width: 1012, height: 1500 };

const THEMES = [
  { name: 'light', css: 'github-markdown-light.css', mermaid: 'default', page: '#ffffff' },
  { name: 'dark', css: 'github-markdown-dark.css', mermaid: 'dark', page: '#0d1117' }
] as const;

const ALERT_TITLES: Record<string, string> = {
  NOTE: 'Note',
  TIP: 'Tip',
  IMPORTANT: 'Important',
  WARNING: 'Warning',
  CAUTION: 'Caution'
};

/** Markdown → HTML as GitHub renders it here: alerts as GitHub's alert blocks, mermaid blocks left for mermaid. */
function toHtml(markdown: string): string {
  const html = marked.parse(markdown, { gfm: true, async: false });
  return html
    .replace(
      /<blockquote>\s*<p>\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*/g,
      (_, kind: string) =>
        `<blockquote class="markdown-alert markdown-alert-${kind.toLowerCase()}">` +
        `<p class="markdown-alert-title">${ALERT_TITLES[kind]}</p><p>`
    )
    .replace(/<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/g, '<pre class="mermaid">$1</pre>');
}

function page(body: string, theme: (typeof THEMES)[number]): string {
  const css = pathToFileURL(path.join(REPO_ROOT, 'node_modules', 'github-markdown-css', theme.css)).href;
  const mermaid = pathToFileURL(path.join(REPO_ROOT, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js')).href;
  return `<!doctype html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="${css}">
<style>
  body { margin: 0; background: ${theme.page}; }
  .markdown-body { box-sizing: border-box; max-width: ${WINDOW.width}px; padding: 24px 32px; }
  .markdown-alert { padding: 8px 16px; }
  .markdown-alert > blockquote, blockquote.markdown-alert { border-left-width: 4px; }
  pre.mermaid { background: transparent; }
</style>
<script src="${mermaid}"></script>
</head><body><article class="markdown-body">${body}</article>
<script>mermaid.initialize({ startOnLoad: true, theme: '${theme.mermaid}' });</script>
</body></html>`;
}

function main(): void {
  if (!fs.existsSync(SUMMARY)) throw new Error(`${SUMMARY} does not exist: run \`npm run demo\` first.`);
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM.`);
  const body = toHtml(fs.readFileSync(SUMMARY, 'utf8'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-backpressure-screenshots-'));
  try {
    for (const theme of THEMES) {
      const html = path.join(dir, `summary-${theme.name}.html`);
      fs.writeFileSync(html, page(body, theme));
      const out = path.join(REPO_ROOT, 'docs', `summary-${theme.name}.png`);
      execFileSync(
        CHROMIUM,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--hide-scrollbars',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--allow-file-access-from-files',
          `--user-data-dir=${path.join(dir, 'profile')}`,
          `--window-size=${WINDOW.width},${WINDOW.height}`,
          // Time for mermaid to draw the charts before the picture is taken.
          '--virtual-time-budget=15000',
          `--screenshot=${out}`,
          pathToFileURL(html).href
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] }
      );
      console.log(`${path.relative(process.cwd(), out)}: ${theme.name} theme`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
