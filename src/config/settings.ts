// The effective settings as a reader sees them (README "The config file"):
// each value in the words of an input, and the one notice for inputs that
// override what the config file says.
import { truncateText } from '../core/truncate.js';
import type { Config, Setting } from './types.js';

const MAX_VALUE_LENGTH = 60;

/** A setting's value as it would be written in `with:`: `auto`, `5/7d`, `a, b`; `none` when unset or empty. */
export function settingValueText(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'none';
  if (Array.isArray(value))
    return value.length === 0 ? 'none' : truncateText(value.map(String).join(', '), MAX_VALUE_LENGTH);
  if (typeof value === 'object' && 'count' in value && 'days' in value) return `${value.count}/${value.days}d`;
  if (value === 'linked') return 'true'; // require-issue: true is kept as `linked`
  return truncateText(String(value).replace(/\s+/g, ' '), MAX_VALUE_LENGTH);
}

/** The inputs that override a different value of the config file, in input order. */
export function overriddenSettings(config: Config): [string, Setting][] {
  return Object.entries(config.settings).filter(
    ([, s]) => s.source === 'input' && 'overrides' in s && settingValueText(s.overrides) !== settingValueText(s.value)
  );
}

/**
 * One line naming every input that overrides a different value of the config
 * file (input > file > default), or undefined when none does.
 */
export function overrideNotice(config: Config): string | undefined {
  const overridden = overriddenSettings(config);
  if (overridden.length === 0) return undefined;
  const list = overridden
    .map(([name, s]) => `${name} (input ${settingValueText(s.value)}, file ${settingValueText(s.overrides)})`)
    .join('; ');
  return (
    `${overridden.length === 1 ? 'An input overrides' : `${overridden.length} inputs override`} ${config.configPath}: ${list}. ` +
    `An input that is set wins over the file: remove it from the workflow's with: to use the file's value.`
  );
}
