// Every problem found in the inputs and the config file, reported together:
// fixing a config one error per run is slow and the run writes nothing anyway.
export class ConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}
