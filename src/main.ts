// The action: read inputs, read GitHub, plan, write, report. Decisions live
// in src/core; this file only wires the edges together.
import * as core from '@actions/core';
import { readInputs } from './config/inputs.js';
import { buildConfig } from './config/load.js';
import { configPathOf, loadConfig as loadConfigFrom, type ConfigSource } from './config/source.js';
import { ConfigError } from './config/errors.js';
import { ActionError } from './app/action-error.js';
import type { Config } from './config/types.js';
import type { ExecutionReport, Plan, Snapshot } from './core/types.js';
import { createClient, type Client, type RequestCounts } from './github/client.js';
import { describeGitHubError } from './github/errors.js';
import { applyWrites } from './github/writer.js';
import { readSnapshot } from './github/read-snapshot.js';
import { plan as planRun } from './core/plan.js';
import { failsStep } from './core/feedback.js';
import { ownLabels } from './core/labels.js';
import { gate } from './app/gate.js';
import type { RepoRef } from './github/repo.js';
import { actionOutputs } from './report/outputs.js';
import { writePlanFile } from './report/plan-file.js';
import { renderSummary } from './report/summary.js';
import { resolveScope, type RunScope } from './app/mode.js';
import { readRunContext } from './app/run-context.js';

export async function run(now: Date = new Date()): Promise<void> {
  try {
    // Masked first, so that no line the run prints can show the token.
    const token = core.getInput('github-token');
    if (token) core.setSecret(token);
    const context = readRunContext();
    const inputs = readInputs((name) => core.getInput(name));
    // Inputs are checked before any request, so a typo never reaches GitHub.
    const inputConfig = buildConfig(inputs);
    const scope = resolveScope(inputConfig.mode, context.eventName, context.payload, ownLabels(inputConfig));
    if (scope.mode === 'skip') {
      core.notice(scope.message);
      core.setOutput('result', 'skipped');
      return;
    }
    if (!context.repo)
      throw new ActionError(
        'GITHUB_REPOSITORY is not set to OWNER/NAME: run this action inside a GitHub Actions workflow.'
      );
    if (!token)
      throw new ActionError(
        'Input "github-token" is empty: pass ${{ github.token }} or a token with read access to the repository.'
      );
    const counts: RequestCounts = { graphql: 0, restReads: 0, restWrites: 0, graphqlCost: 0 };
    const client = createClient(token, counts);
    await runScope(client, context.repo, inputs, scope, now, counts, context.runUrl, context.eventName);
  } catch (error) {
    core.setFailed(failureLine(error));
  }
}

async function runScope(
  client: Client,
  repo: RepoRef,
  inputs: Record<string, string>,
  scope: Exclude<RunScope, { mode: 'skip' }>,
  now: Date,
  counts: RequestCounts,
  runUrl?: string,
  eventName?: string
): Promise<void> {
  const configPath = configPathOf(inputs);
  const loadConfig = (source: ConfigSource): Config => loadConfigFrom(inputs, source);
  let plan: Plan;
  let snapshot: Snapshot;
  let config: Config;
  if (scope.mode === 'gate') {
    const judged = await gate(client, repo, configPath, scope.number, loadConfig, now, counts, scope);
    if ('skip' in judged) {
      core.notice(judged.skip);
      core.setOutput('result', 'skipped');
      return;
    }
    ({ plan, snapshot, config } = judged);
  } else {
    ({ snapshot, config } = await readSnapshot(client, repo, configPath, loadConfig, now, counts));
    plan = planRun(snapshot, config, now, scope);
  }
  const written = await applyWrites(client, plan.writes, {
    repo,
    statusContext: config.statusContext,
    targetUrl: runUrl,
    dryRun: config.dryRun,
    maxWrites: config.maxWritesPerRun,
    actor: snapshot.actor,
    eventName,
    restRemaining: () => counts.restRemaining
  });
  if (plan.deferredCloses.length > 0) {
    const line = `max-closes-per-run (${config.maxClosesPerRun}) reached: ${plan.deferredCloses.map((n) => `#${n}`).join(', ')} left to close in the next run.`;
    core.warning(line);
    written.warnings.push(line);
  }
  const execution: ExecutionReport = { dryRun: config.dryRun, ...written, requests: { ...counts } };
  for (const [name, value] of Object.entries(actionOutputs(plan, execution, writePlanFile(plan))))
    core.setOutput(name, value);
  await core.summary.addRaw(renderSummary({ plan, snapshot, config, execution, runUrl })).write();
  core.info(
    `Requests: ${counts.graphql} GraphQL (${counts.graphqlCost} points), ${counts.restReads} REST reads, ${counts.restWrites} REST writes.`
  );
  // Writes GitHub refused or failed are work undone: the step says so and fails.
  if (written.failure) core.setFailed(written.failure);
  const subject = plan.subject;
  // The step fails for a waiting or violating PR only where `fail` is selected.
  if (subject && failsStep(subject, config)) core.setFailed(subject.summary);
  else if (subject) core.info(subject.summary);
}

function failureLine(error: unknown): string {
  if (error instanceof ConfigError || error instanceof ActionError) return error.message;
  return describeGitHubError(error, 'reading the repository');
}
