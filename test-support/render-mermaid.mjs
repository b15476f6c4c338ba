// Renders mermaid blocks with mermaid itself, in a jsdom window, outside
// jest (whose sandbox cannot host a DOM window as a global). Reads a JSON
// array on stdin, each item a diagram source or { source, theme } (mermaid's
// theme: GitHub uses `default` in its light mode and `dark` in its dark one);
// writes a JSON array with, for each one, { svg, data, colors } (the SVG; for
// xychart, mermaid's parsed chart data and the colours it drew: the chart's
// background and each plot's) or { error } (mermaid's message).
import { JSDOM } from 'jsdom';

const { window } = new JSDOM('<body></body>', { pretendToBeVisual: true });
globalThis.window = window;
globalThis.document = window.document;
for (const name of [
  'CSSStyleSheet',
  'Element',
  'HTMLElement',
  'SVGElement',
  'Node',
  'DOMParser',
  'MutationObserver',
  'getComputedStyle'
]) {
  if (!(name in globalThis)) globalThis[name] = window[name];
}
// jsdom lays nothing out: text gets a width from its length, roughly as a browser would.
const width = (node) => 8 * (node.textContent?.length ?? 1);
window.SVGElement.prototype.getBBox = function getBBox() {
  return { x: 0, y: 0, width: width(this), height: 16 };
};
window.SVGElement.prototype.getComputedTextLength = function getComputedTextLength() {
  return width(this);
};

const { default: mermaid } = await import('mermaid');

/** The background and plot colours of an xychart's SVG, plots in drawing order. */
function chartColors(svg) {
  const doc = new window.DOMParser().parseFromString(svg, 'image/svg+xml');
  const background = doc.querySelector('rect.background')?.getAttribute('fill') ?? undefined;
  const plots = [...doc.querySelectorAll('g.plot > g')].map((group) => {
    const kind = /^(bar|line)-plot/.exec(group.getAttribute('class') ?? '')?.[1];
    const mark = group.querySelector(kind === 'bar' ? 'rect' : 'path');
    return { kind, color: mark?.getAttribute(kind === 'bar' ? 'fill' : 'stroke') ?? undefined };
  });
  return { background, plots };
}

let input = '';
for await (const chunk of process.stdin) input += chunk;
const results = [];
for (const [i, item] of JSON.parse(input).entries()) {
  const { source, theme } = typeof item === 'string' ? { source: item, theme: 'default' } : item;
  try {
    mermaid.initialize({ startOnLoad: false, theme });
    const { svg } = await mermaid.render(`diagram${i}`, source);
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
    const xychart = typeof diagram.db.getXYChartData === 'function';
    results.push({
      svg,
      data: xychart ? diagram.db.getXYChartData() : undefined,
      colors: xychart ? chartColors(svg) : undefined
    });
  } catch (error) {
    results.push({ error: error instanceof Error ? error.message : String(error) });
  }
}
process.stdout.write(JSON.stringify(results));
