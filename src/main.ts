// The action, as its data flows: inputs → config → snapshot → plan → writes →
// report. Decisions live in src/core; this file only wires the edges together.
import * as core from '@actions/core';
import { readInputs } from './config/inputs.js';
import { buildConfig } from './config/load.js';
import { ConfigError } from './config/errors.js';
import { overrideNotice } from './config/settings.js';
import { ActionError } from './app/action-error.js';
import type { ExecutionReport } from './core/types.js';
import { failsStatus, jobFailure } from './core/feedback.js';
import { count } from './core/count.js';
import { isOwnLabel } from './core/labels.js';
import { describeGitHubError } from './github/errors.js';
import { openSession, type GitHubSession } from './github/session.js';
import { applyWrites } from './github/writer.js';
import { resolveScope } from './app/mode.js';
import { readAndPlan, type PlannedRun } from './app/planned.js';
import { readRunContext, type RunContext } from './app/run-context.js';
import { actionOutputs } from './report/outputs.js';
import { writePlanFile } from './report/plan-file.js';
import { renderSummary } from './report/summary.js';

export async function run(now: Date = new Date()): Promise<void> {
  try {
    // Masked first, so that no line the run prints can show the token.
    const token = core.getInput('github-token');
    if (token) core.setSecret(token);
    const context = readRunContext();
    const inputs = readInputs((name) => core.getInput(name));
    // The inputs alone are checked before any request, so a typo never reaches GitHub.
    const inputConfig = buildConfig(inputs);
    const scope = resolveScope(inputConfig.mode, context.eventName, context.payload, (name) =>
      isOwnLabel(name, inputConfig)
    );
    if (scope.mode === 'skip') return skip(scope.message);
    if (!context.repo)
      throw new ActionError(
        'GITHUB_REPOSITORY is not set to OWNER/NAME: run this action inside a GitHub Actions workflow.'
      );
    if (!token)
      throw new ActionError(
        'Input "github-token" is empty: pass ${{ github.token }} or a token with read access to the repository.'
      );
    const session = openSession(token, context.repo);
    const planned = await readAndPlan(session, inputs, scope, now, {
      configPath: inputConfig.configPath,
      admittedLabel: inputConfig.admittedLabel
    });
    if ('skip' in planned) return skip(planned.skip);
    const overridden = overrideNotice(planned.config);
    if (overridden) core.notice(overridden);
    const execution = await write(session, planned, context);
    report(session, planned, execution);
    await core.summary.addRaw(renderSummary({ ...planned, execution, runUrl: context.runUrl })).write();
    conclude(planned, execution);
  } catch (error) {
    core.setFailed(failureLine(error));
  }
}

function skip(message: string): void {
  core.notice(message);
  core.setOutput('result', 'skipped');
}

/** Applies the plan's writes (none in dry-run) within the run's budgets. */
async function write(
  session: GitHubSession,
  { plan, snapshot, config }: PlannedRun,
  context: RunContext
): Promise<ExecutionReport> {
  const written = await applyWrites(session, plan.writes, {
    statusContext: config.statusContext,
    targetUrl: context.runUrl,
    dryRun: config.dryRun,
    maxWrites: config.maxWritesPerRun,
    actor: snapshot.actor,
    eventName: context.eventName
  });
  return { dryRun: config.dryRun, ...written, requests: { ...session.counts } };
}

/** The step's outputs, and in the log the closes held back and the request tally. */
function report(session: GitHubSession, { plan, config }: PlannedRun, execution: ExecutionReport): void {
  if (plan.deferredCloses.length > 0) {
    const numbers = plan.deferredCloses.map((n) => `#${n}`).join(', ');
    core.warning(`max-closes-per-run (${config.maxClosesPerRun}) reached: ${numbers} left to close in the next run.`);
  }
  for (const [name, value] of Object.entries(actionOutputs(plan, execution, writePlanFile(plan))))
    core.setOutput(name, value);
  const { counts } = session;
  core.info(
    `Requests: ${count(counts.graphql)} GraphQL (${count(counts.graphqlCost)} points), ` +
      `${count(counts.restReads)} REST reads, ${count(counts.restWrites)} REST writes.`
  );
}

/**
 * The step's result: failed writes fail it; a gate's decision fails it only
 * where jobFailure says so (opted in, or its failure status not written).
 * Otherwise the status carries the decision and the job passes.
 */
function conclude({ plan, config }: PlannedRun, execution: ExecutionReport): void {
  if (execution.failure) core.setFailed(execution.failure);
  const subject = plan.subject;
  const failure = jobFailure(subject, execution, config);
  if (failure) core.setFailed(failure);
  // A passing job with a failure status: the decision still shows on the run's page.
  else if (subject && failsStatus(subject)) core.notice(subject.summary);
  else if (subject) core.info(subject.summary);
}

function failureLine(error: unknown): string {
  if (error instanceof ConfigError || error instanceof ActionError) return error.message;
  return describeGitHubError(error, 'reading the repository');
}
