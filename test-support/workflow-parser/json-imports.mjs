// A module hook for Node 20: @actions/workflow-parser imports its JSON schemas
// without `with { type: 'json' }`, which Node 20 refuses; this adds it.
export async function load(url, context, nextLoad) {
  if (!url.endsWith('.json')) return nextLoad(url, context);
  return nextLoad(url, { ...context, importAttributes: { ...context.importAttributes, type: 'json' } });
}
