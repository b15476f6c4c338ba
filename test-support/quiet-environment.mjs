// Jest's node environment, with what the code under test prints to stdout
// kept back: @actions/core writes its log lines (`::debug::`, `::warning::`,
// info) straight to process.stdout, so tests that run the readers or the
// writer in-process would fill a passing run with hundreds of lines. The
// lines of a test (or hook) that fails are printed after it, under its name,
// so a failure still shows everything the code said.
import { TestEnvironment } from 'jest-environment-node';

export default class QuietEnvironment extends TestEnvironment {
  /** What the current test (or the hooks around it) printed. */
  #held = [];
  #write;

  async setup() {
    await super.setup();
    this.#write = process.stdout.write;
    process.stdout.write = (chunk, encoding, callback) => {
      this.#held.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') done();
      return true;
    };
  }

  async teardown() {
    if (this.#write) process.stdout.write = this.#write;
    await super.teardown();
  }

  /** Jest circus calls this for every test and hook event. */
  handleTestEvent(event) {
    if (event.name === 'test_start') this.#held = [];
    const failed = (event.name === 'test_done' && event.test.errors.length > 0) || event.name === 'hook_failure';
    if (failed && this.#held.length > 0) {
      const name = event.test ? testName(event.test) : `${event.hook.type} hook`;
      this.#write.call(process.stdout, `\n--- stdout of "${name}" ---\n${this.#held.join('')}\n--- end ---\n`);
    }
    if (event.name === 'test_done' || event.name === 'hook_failure') this.#held = [];
  }
}

function testName(test) {
  const names = [];
  for (let block = test; block && block.name !== 'ROOT_DESCRIBE_BLOCK'; block = block.parent) names.unshift(block.name);
  return names.join(' › ');
}
