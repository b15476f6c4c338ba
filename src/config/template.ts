// The stale and close messages are user templates (README "Stale lifecycle"). Placeholders are
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
/** Anything a user may have meant as a placeholder: `{AUTHOR}` and `{ author }` too, which render as typed. */
const PLACEHOLDER_LIKE = /\{(\s*[A-Za-z_][A-Za-z0-9_]*\s*)\}/g;

/** Placeholders in the template that the action does not know, as written between the braces. */
export function unknownPlaceholders(template: string): string[] {
  const known: readonly string[] = TEMPLATE_PLACEHOLDERS;
  return [
    ...new Set([...template.matchAll(PLACEHOLDER_LIKE)].map((m) => m[1]).filter((name) => !known.includes(name)))
  ];
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
