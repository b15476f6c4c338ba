// A failure the action explains in one line to the user (no stack trace).
export class ActionError extends Error {}
