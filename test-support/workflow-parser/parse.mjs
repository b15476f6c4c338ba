// Parses workflow files with GitHub's own parser (@actions/workflow-parser)
// and prints {file: [errors]} as JSON. Run in a child process, with
// `node --import ./register.mjs`, because of its JSON imports.
import fs from 'node:fs';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';

const results = {};
for (const file of process.argv.slice(2)) {
  const parsed = parseWorkflow({ name: file, content: fs.readFileSync(file, 'utf8') }, new NoOperationTraceWriter());
  results[file] = parsed.context.errors.getErrors().map((error) => error.message);
}
process.stdout.write(JSON.stringify(results));
