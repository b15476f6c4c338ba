// The stale and close messages are user templates (spec §5). Placeholders are
// checked when the config is loaded, so a typo fails the run, not a comment.
export const TEMPLATE_PLACEHOLDERS = ['author', 'days', 'close_days', 'position', 'limit', 'reason'] as const;

export interface TemplateValues {
  author: string;
  days?: number;
  closeDays?: number;
  position?: number;
  limit?: number;
  reason?: string;
}

const PLACEHOLDER = /\{([a-z_]+)\}/g;

/** Placeholders in the template that the action does not know. */
export function unknownPlaceholders(template: string): string[] {
  const known: readonly string[] = TEMPLATE_PLACEHOLDERS;
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]).filter((name) => !known.includes(name));
}

/** `{author}` renders as `@login`: the one mention the action means to make. */
export function renderTemplate(template: string, values: TemplateValues): string {
  const text: Record<string, string | undefined> = {
    author: `@${values.author}`,
    days: values.days?.toString(),
    close_days: values.closeDays?.toString(),
    position: values.position?.toString(),
    limit: values.limit?.toString(),
    reason: values.reason
  };
  return template.replace(PLACEHOLDER, (whole, name: string) => (name in text ? (text[name] ?? 'n/a') : whole));
}
