// Renders mermaid blocks with mermaid itself, in a jsdom window, outside
// jest (whose sandbox cannot host a DOM window as a global). Reads a JSON
// array of diagram sources on stdin; writes a JSON array with, for each one,
// { svg, data } (the SVG and, for xychart, mermaid's parsed chart data) or
// { error } (mermaid's message).
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
mermaid.initialize({ startOnLoad: false });

let input = '';
for await (const chunk of process.stdin) input += chunk;
const results = [];
for (const [i, source] of JSON.parse(input).entries()) {
  try {
    const { svg } = await mermaid.render(`diagram${i}`, source);
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
    results.push({
      svg,
      data: typeof diagram.db.getXYChartData === 'function' ? diagram.db.getXYChartData() : undefined
    });
  } catch (error) {
    results.push({ error: error instanceof Error ? error.message : String(error) });
  }
}
process.stdout.write(JSON.stringify(results));
