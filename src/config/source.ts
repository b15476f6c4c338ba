// What the default branch holds at config-path, and the checks that need it:
// an explicit path must name a UTF-8 file; the default path may be absent.
import { ConfigError } from './errors.js';
import { buildConfig, DEFAULT_CONFIG_PATH } from './load.js';
import { quoteValue } from './quote.js';
import type { Config } from './types.js';
import { count } from '../core/count.js';

/** The reader's finding at config-path (see src/github/read-repository.ts). */
export type ConfigSource =
  | { kind: 'file'; text: string }
  | { kind: 'missing' }
  /** A Tree: the path names a directory. */
  | { kind: 'directory' }
  /** GitHub reads the blob as binary (NUL bytes: UTF-16, an image…) and gives no text. */
  | { kind: 'binary' }
  /** GitHub cut the blob's text: the file is too large to be read whole. */
  | { kind: 'truncated'; bytes: number };

/** The config-path the run uses: the input, or the default when it is empty. */
function configPathOf(inputs: Record<string, string>): string {
  return (inputs['config-path'] ?? '').trim() || DEFAULT_CONFIG_PATH;
}

/**
 * Inputs + the file found at config-path -> Config, or a ConfigError naming
 * config-path or the file. An explicit config-path is one that differs from
 * the default (the runner passes action.yml's default as if it were set).
 */
export function loadConfig(inputs: Record<string, string>, source: ConfigSource, shownPath?: string): Config {
  const configPath = configPathOf(inputs);
  // The CLI's --config names a local file: its problems are shown at that path.
  const path = shownPath ?? configPath;
  const input = `Input "config-path" is ${quoteValue(configPath)}`;
  switch (source.kind) {
    case 'missing':
      if (configPath !== DEFAULT_CONFIG_PATH)
        throw new ConfigError([
          `${input}: no such file on the default branch: expected an existing YAML file (leave config-path unset to run without one).`
        ]);
      return buildConfig(inputs);
    case 'directory':
      throw new ConfigError([
        `${input}: a directory on the default branch: expected a YAML file, like ${DEFAULT_CONFIG_PATH}.`
      ]);
    case 'binary':
      throw new ConfigError([
        `${path}: not UTF-8 text (GitHub reads it as binary, e.g. UTF-16 or NUL bytes): expected a UTF-8 YAML file.`
      ]);
    case 'truncated':
      throw new ConfigError([
        `${path}: ${count(source.bytes)} bytes, ` +
          `too large for GitHub to return whole: expected a config file of a few kilobytes.`
      ]);
    case 'file':
      // GitHub replaces bytes that are not UTF-8 with U+FFFD; a NUL byte is never YAML.
      if (source.text.includes('\u0000') || source.text.includes('\uFFFD'))
        throw new ConfigError([
          `${path}: not UTF-8 text (it holds NUL bytes or bytes that are not UTF-8): expected a UTF-8 YAML file.`
        ]);
      return buildConfig(inputs, { path, text: source.text });
  }
}
