// The labels the action creates, with a colour and a description people can read.
import type { Config } from '../config/types.js';
import { AREA_LABEL_PREFIX, areaLabel } from './areas.js';
import { labelledRules } from './seat-groups.js';
import { UNSTAMPED_DESCRIPTION } from './state-stamp.js';
import type { WriteOp } from './types.js';

export function labelDefinitions(config: Config): Map<string, Extract<WriteOp, { kind: 'create-label' }>> {
  const define = (name: string, color: string, description: string) =>
    [name, { kind: 'create-label' as const, name, color, description }] as const;
  return new Map([
    define(config.admittedLabel, ADMITTED_COLOR, UNSTAMPED_DESCRIPTION),
    define(config.waitingLabel, 'fbca04', 'PR Backpressure: waiting for room in the review queue'),
    define(config.violationLabel, 'd93f0b', 'PR Backpressure: breaks a queue rule; takes no place in line'),
    define(config.stale.label, 'ededed', 'PR Backpressure: no activity from the author'),
    ...labelledRules(config).map((rule) =>
      define(areaLabel(rule), 'c5def5', `PR Backpressure: counts toward the rule ${rule.name}`.slice(0, 100))
    )
  ]);
}

/** admitted-label's colour (a green people read as "in review"). */
export const ADMITTED_COLOR = '0e8a16';

type OwnLabelConfig = Pick<Config, 'admittedLabel' | 'waitingLabel' | 'violationLabel' | 'stale'>;

/** The labels the action writes itself: admitted, waiting, violation and stale (README "Events and modes"). */
export function ownLabels(config: OwnLabelConfig): string[] {
  return [config.admittedLabel, config.waitingLabel, config.violationLabel, config.stale.label];
}

/**
 * Whether `name` is a label the action writes, so that its own label writes
 * cost no run: one of ownLabels, or an area label (any rule's: they share a prefix).
 */
export function isOwnLabel(name: string, config: OwnLabelConfig): boolean {
  return isOneOfLabels(name, ownLabels(config)) || name.toLowerCase().startsWith(AREA_LABEL_PREFIX);
}

/** Is `name` one of `labels`? Compared as GitHub compares label names: case-insensitively. */
export function isOneOfLabels(name: string, labels: readonly string[]): boolean {
  const wanted = name.toLowerCase();
  return labels.some((label) => label.toLowerCase() === wanted);
}

/** The names of the labels the action may create, to look up before planning. */
export function actionLabelNames(config: Config): string[] {
  return [...labelDefinitions(config).keys()];
}
