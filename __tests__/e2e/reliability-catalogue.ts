// Every fault, bad input and security or concurrency case the action is
// tested against, as data: the e2e tests run each row and assert its
// outcome, and scripts/reliability.ts renders docs/reliability.md from the
// same rows, so the document cannot claim what no test checks.

export type Category =
  'GitHub fault' | 'Bad input' | 'Bad config file' | 'Security' | 'Concurrency' | 'Crash-safe closing';

/** What a user sees after the run. */
export interface Outcome {
  exitCode: 0 | 1;
  /** The `::error::` lines, in order; `…` stands for text that varies (a time). */
  errors: string[];
  /** Some `::warning::` line contains each of these. */
  warnings?: string[];
  /** REST writes the run sends: an exact count or a range. */
  writes?: number | { min: number; max: number };
  /** Text the job summary contains. */
  summary?: string[];
  /** GraphQL requests the run sends (counted where they leave, answered or not): a bound on retries. */
  graphql?: number;
}

export interface FaultRow {
  id: string;
  category: 'GitHub fault';
  scenario: string;
  /** How the test makes it happen. */
  setup: string;
  outcome: Outcome;
  /** The outcome in words, for the document. */
  observed: string;
}

export interface BadInputRow {
  id: string;
  category: 'Bad input' | 'Bad config file';
  scenario: string;
  inputs?: Record<string, string>;
  /** `.github/backpressure.yml` on the default branch. */
  file?: string;
  /** How the document shows the value, when the value itself is too long or unprintable. */
  given?: string;
  /** The error needs the read that fetches the file (config-path checks), though the row sets no file value. */
  readsFile?: boolean;
  /** The one error line the run fails with. */
  error: string;
}

export interface CheckRow {
  id: string;
  category: 'Security' | 'Concurrency' | 'Crash-safe closing';
  scenario: string;
  setup: string;
  observed: string;
}

export type Row = FaultRow | BadInputRow | CheckRow;

const RETRIED = 'Retried; the run goes on and exits 0 with every write made once.';
const NO_DATA = 'no "data" object (an empty answer, a page that is not JSON, or JSON that could not be decoded)';

/**
 * Sweeps of 10 open PRs, wip-limit 5, on-waiting fail,label,comment unless said otherwise: 28 writes
 * (2 labels created, admitted-label on 5 PRs, the stamp, 10 statuses, 5 waiting labels, 5 sticky comments).
 */
export const FAULT_ROWS: FaultRow[] = [
  {
    id: 'read-502-burst',
    category: 'GitHub fault',
    scenario: 'GraphQL answers 502 twice, then recovers',
    setup: 'failNext(graphql, 502, 2)',
    outcome: { exitCode: 0, errors: [], writes: 28 },
    observed: RETRIED
  },
  {
    id: 'write-500-503-burst',
    category: 'GitHub fault',
    scenario: 'REST writes answer 500, then 503, then recover',
    setup: 'failNext(write, 500) then failNext(write, 503)',
    outcome: { exitCode: 0, errors: [], writes: 30 },
    observed: RETRIED
  },
  {
    id: 'read-502-persistent',
    category: 'GitHub fault',
    scenario: 'GraphQL answers 502 on every attempt',
    setup: 'failNext(graphql, 502, 4): every attempt',
    outcome: {
      exitCode: 1,
      errors: ['GitHub failed (502) while reading the repository, even after retries; try again later.'],
      writes: 0
    },
    observed: 'Exit 1 after 3 retries with one error line; nothing written.'
  },
  {
    id: 'write-503-persistent',
    category: 'GitHub fault',
    scenario: 'REST writes answer 503 on every attempt',
    setup: 'failNext(write, 503, 12): every attempt until the writer stops',
    outcome: {
      exitCode: 1,
      errors: ['Stopped writing after 3 failures in a row: 28 of 28 writes are left for the next run.'],
      warnings: [
        'GitHub failed (503) while creating label "backpressure: admitted", even after retries; try again later.'
      ],
      writes: 12,
      summary: ['Not applied (28)']
    },
    observed:
      'Each write retried 3 times; after 3 failed writes in a row the run stops writing, warns per failure, exits 1 and the ' +
      'summary lists what is left.'
  },
  {
    id: 'comment-applied-then-502',
    category: 'GitHub fault',
    scenario: 'GitHub creates the sticky comment but answers 502',
    setup: 'proxy: forward POST .../comments, answer 502 (twice)',
    outcome: { exitCode: 0, errors: [], writes: 30 },
    observed:
      'The comment is not posted twice: comments are not retried blindly; the writer finds its marker and edits that comment ' +
      'instead. Exit 0.'
  },
  {
    id: 'read-timeout-once',
    category: 'GitHub fault',
    scenario: 'A GraphQL request never answers (once)',
    setup: 'proxy: hang 1 request; PR_BACKPRESSURE_REQUEST_TIMEOUT_MS=1000',
    outcome: { exitCode: 0, errors: [], writes: 28 },
    observed: 'Timed out and retried; the run goes on and exits 0 with every write made once.'
  },
  {
    id: 'read-timeout-persistent',
    category: 'GitHub fault',
    scenario: 'GraphQL never answers',
    setup: 'proxy: hang 4 requests (every attempt); PR_BACKPRESSURE_REQUEST_TIMEOUT_MS=1000',
    outcome: {
      exitCode: 1,
      errors: [
        'Could not reach GitHub while reading the repository, even after retries (no answer within 1 s); try again later.'
      ],
      writes: 0
    },
    observed: 'Exit 1 after 3 retries, one error line naming the timeout; nothing written.'
  },
  {
    id: 'connection-reset',
    category: 'GitHub fault',
    scenario: 'The connection drops before any answer (once)',
    setup: 'proxy: destroy the socket of 1 GraphQL request',
    outcome: { exitCode: 0, errors: [], writes: 28 },
    observed: RETRIED
  },
  {
    id: 'secondary-limit-once',
    category: 'GitHub fault',
    scenario: '403 secondary rate limit with retry-after: 1 on a write',
    setup: 'failNext(write, 403 secondary + retry-after 1)',
    outcome: {
      exitCode: 0,
      errors: [],
      warnings: ["GitHub's secondary rate limit hit (POST /repos/{owner}/{repo}/labels); waiting 1 s."],
      writes: 29
    },
    observed: 'Waits retry-after seconds with one warning, retries; exits 0 with every write made once.'
  },
  {
    id: 'secondary-limit-persistent',
    category: 'GitHub fault',
    scenario: '403 secondary rate limit on every write',
    setup: 'failNext(write, 403 secondary, 9): every attempt until the writer stops',
    outcome: {
      exitCode: 1,
      errors: ['Stopped writing after 3 failures in a row: 28 of 28 writes are left for the next run.'],
      warnings: [
        'GitHub\'s secondary rate limit still applied after waiting while creating label "backpressure: admitted"; left for the next run.'
      ],
      writes: 9
    },
    observed:
      'Waits twice per write, then gives the write up; after 3 in a row stops writing, exits 1, says what is left.'
  },
  {
    id: 'write-429-once',
    category: 'GitHub fault',
    scenario: '429 Too Many Requests on a write (once)',
    setup: 'failNext(write, 429 + retry-after 1)',
    outcome: { exitCode: 0, errors: [], writes: 29 },
    observed: RETRIED
  },
  {
    id: 'read-429-persistent',
    category: 'GitHub fault',
    scenario: '429 Too Many Requests on every GraphQL request',
    setup: 'failNext(graphql, 429, 4): every attempt',
    outcome: {
      exitCode: 1,
      errors: ['GitHub is rate limiting this token (429) while reading the repository; try again later.'],
      writes: 0
    },
    observed: 'Exit 1 after 3 retries, one error line; nothing written.'
  },
  {
    id: 'primary-limit-low',
    category: 'GitHub fault',
    scenario: 'The primary REST limit runs low mid-run (105 requests left)',
    setup: 'startFakeGitHub(store, { restRequests: 105 })',
    outcome: {
      exitCode: 0,
      errors: [],
      warnings: ['Stopped writing: only 99 API requests are left this hour; keeping them for other workflows.'],
      writes: 6,
      summary: ['Not applied (22)']
    },
    observed:
      'Stops writing while 100 requests are left for other workflows; exits 0 with one warning, the summary lists what is left ' +
      'for the next run.'
  },
  {
    id: 'primary-limit-exhausted-writes',
    category: 'GitHub fault',
    scenario: 'The primary REST limit is exhausted mid-run (by another workflow)',
    setup: 'proxy: the 4th write answers 403 x-ratelimit-remaining: 0',
    outcome: {
      exitCode: 1,
      errors: [
        'GitHub\'s rate limit is exhausted while adding label "backpressure: admitted" to #2; it resets at …: ' +
          '25 of 28 writes are left for the next run.'
      ],
      writes: 3,
      summary: ['Not applied (25)']
    },
    observed:
      'Stops writing at the first refusal (no retries against an empty budget); exits 1 naming the reset time; the summary lists ' +
      'what is left.'
  },
  {
    id: 'primary-limit-exhausted-read',
    category: 'GitHub fault',
    scenario: 'The GraphQL limit is exhausted between pages (RATE_LIMITED)',
    setup:
      'proxy: the 2nd GraphQL request (the first page) answers errors[type=RATE_LIMITED], x-ratelimit-remaining: 0',
    outcome: {
      exitCode: 1,
      errors: ["GitHub's rate limit is exhausted while reading the repository; it resets at …."],
      writes: 0
    },
    observed: 'Exit 1 naming the reset time; nothing written.'
  },
  {
    id: 'bad-token-401',
    category: 'GitHub fault',
    scenario: 'The token is wrong or expired (401)',
    setup: "token 'ghs_not_a_token'",
    outcome: {
      exitCode: 1,
      errors: [
        'GitHub rejected the token while reading the repository (401 Bad credentials): check the github-token input.'
      ],
      writes: 0
    },
    observed: 'Exit 1 at the first request, not retried; nothing written.'
  },
  {
    id: 'repository-404',
    category: 'GitHub fault',
    scenario: 'The repository does not exist or the token cannot see it',
    setup: 'GITHUB_REPOSITORY=acme/missing',
    outcome: {
      exitCode: 1,
      errors: [
        'GitHub answered NOT_FOUND while reading the repository: the repository does not exist or the token cannot see it (Could ' +
          "not resolve to a Repository with the name 'acme/missing'.)."
      ],
      writes: 0
    },
    observed: 'Exit 1 at the first request, not retried; nothing written.'
  },
  {
    id: 'graphql-partial-once',
    category: 'GitHub fault',
    scenario: 'GraphQL answers `data` and `errors` together (once)',
    setup: 'proxy: add errors[path=repository.pullRequests] to 1 answer, null that part',
    outcome: { exitCode: 0, errors: [], writes: 28 },
    observed:
      'The incomplete answer is not used: the query is sent again, and the run exits 0 with every write made once.'
  },
  {
    id: 'graphql-partial-persistent',
    category: 'GitHub fault',
    scenario: 'GraphQL answers `data` and `errors` together on every attempt',
    setup: 'proxy: add errors[path=repository.pullRequests] to every answer (18 in a row), null that part',
    outcome: {
      exitCode: 1,
      errors: [
        "GitHub's GraphQL API answered with errors while reading the repository: Loading pullRequests timed out (at " +
          'repository.pullRequests).'
      ],
      writes: 0
    },
    observed:
      'Never decides on part of the data: the page is asked again 3 times, and as the error is a timeout, halved down to 5 PRs; ' +
      'then exit 1 with the errors and where they are; nothing written, no PR closed.'
  },
  {
    id: 'graphql-empty-object-once',
    category: 'GitHub fault',
    scenario: 'GraphQL answers 200 with `{}` (once)',
    setup: 'proxy: answer 200 {} to 1 GraphQL request',
    outcome: { exitCode: 0, errors: [], writes: 28 },
    observed: 'Asked again after a back-off; the run goes on and exits 0 with every write made once.'
  },
  {
    id: 'graphql-empty-object',
    category: 'GitHub fault',
    scenario: 'GraphQL answers 200 with `{}` every time',
    setup: 'proxy: answer 200 {} to every GraphQL request',
    outcome: {
      exitCode: 1,
      errors: [
        `GitHub answered a GraphQL query 3 times in a row with ${NO_DATA} while reading the repository; try again later.`
      ],
      writes: 0,
      graphql: 3
    },
    observed: '3 attempts with back-off (2 s, 4 s), then exit 1 with one error line; nothing written.'
  },
  {
    id: 'graphql-html-page',
    category: 'GitHub fault',
    scenario: "GraphQL answers 200 with a proxy's HTML page",
    setup: 'proxy: answer 200 text/html <html>… to every GraphQL request',
    outcome: {
      exitCode: 1,
      errors: [
        `GitHub answered a GraphQL query 3 times in a row with ${NO_DATA} while reading the repository; try again later.`
      ],
      writes: 0,
      graphql: 3
    },
    observed: '3 attempts with back-off, then exit 1 with one error line; nothing written.'
  },
  {
    id: 'graphql-bad-json',
    category: 'GitHub fault',
    scenario: 'GraphQL answers 200 with JSON cut off in the middle',
    setup: 'proxy: answer 200 application/json {"data": {"viewer… to every GraphQL request',
    outcome: {
      exitCode: 1,
      errors: [
        `GitHub answered a GraphQL query 3 times in a row with ${NO_DATA} while reading the repository; try again later.`
      ],
      writes: 0,
      graphql: 3
    },
    observed: '3 attempts with back-off, then exit 1 with one error line; nothing written.'
  },
  {
    id: 'graphql-data-null',
    category: 'GitHub fault',
    scenario: 'GraphQL answers 200 with `{"data": null}` and no errors',
    setup: 'proxy: answer 200 {"data": null} to every GraphQL request',
    outcome: {
      exitCode: 1,
      errors: [
        'GitHub answered a GraphQL query 3 times in a row with "data": null and no errors while reading the repository; try again later.'
      ],
      writes: 0,
      graphql: 3
    },
    observed:
      'Described as what it is (not "Cannot read properties of null"): exit 1 after 3 attempts; nothing written.'
  },
  {
    id: 'pull-request-deleted',
    category: 'GitHub fault',
    scenario: 'A gate for a PR deleted after its event was sent',
    setup: 'pull_request event for #10, then #10 removed from the fake',
    outcome: {
      exitCode: 1,
      errors: [
        'GitHub answered NOT_FOUND while reading the repository: the pull request does not exist (deleted, or not a pull ' +
          'request) (Could not resolve to a PullRequest with the number of 10.).'
      ],
      writes: 0
    },
    observed: 'Names the pull request, not the repository, as what is missing; exit 1; nothing written.'
  },
  {
    id: 'primary-limit-below-reserve',
    category: 'GitHub fault',
    scenario: 'The run starts with fewer than 100 REST requests left (50)',
    setup: 'startFakeGitHub(store, { restRequests: 50 })',
    outcome: {
      exitCode: 0,
      errors: [],
      warnings: ['Stopped writing: only 50 API requests are left this hour; keeping them for other workflows.'],
      writes: 0,
      summary: ['Not applied (28)']
    },
    observed:
      'Before its first write the run asks GET /rate_limit (which GitHub counts against no limit) and finds the budget under the ' +
      'reserve: no write at all; exits 0 with one warning.'
  }
];

const ASSOCIATIONS = 'OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, FIRST_TIME_CONTRIBUTOR, FIRST_TIMER, NONE, MANNEQUIN';
const FILE = '.github/backpressure.yml';
const PATH_GLOBS =
  'expected path globs from the repository root, like docs/** (no leading / or ./; no extglobs or brace ranges; braces up to 64 ' +
  'patterns; at most 2 * in a segment)';

export const BAD_INPUT_ROWS: BadInputRow[] = [
  {
    id: 'input-wip-limit-word',
    category: 'Bad input',
    scenario: 'wip-limit is a word',
    inputs: { 'wip-limit': 'fifty' },
    error: 'Input "wip-limit" is "fifty": expected a whole number ≥ 0 (0 turns the limit off) or "auto".'
  },
  {
    id: 'input-wip-limit-negative',
    category: 'Bad input',
    scenario: 'wip-limit is negative',
    inputs: { 'wip-limit': '-1' },
    error: 'Input "wip-limit" is "-1": expected a whole number ≥ 0 (0 turns the limit off) or "auto".'
  },
  {
    id: 'input-wip-limit-fraction',
    category: 'Bad input',
    scenario: 'wip-limit is a fraction',
    inputs: { 'wip-limit': '2.5' },
    error: 'Input "wip-limit" is "2.5": expected a whole number ≥ 0 (0 turns the limit off) or "auto".'
  },
  {
    id: 'input-mode',
    category: 'Bad input',
    scenario: 'mode is not a mode',
    inputs: { mode: 'advance' },
    error: 'Input "mode" is "advance": expected one of auto, gate, sweep.'
  },
  {
    id: 'input-rate-unit',
    category: 'Bad input',
    scenario: 'COUNT/DAYSd with a unit word',
    inputs: { 'max-opened-per-author': '5/week' },
    error:
      'Input "max-opened-per-author" is "5/week": expected COUNT/DAYSd like 5/7d (at most COUNT PRs opened in DAYS days; COUNT ≥ ' +
      '1, DAYS from 1 to 36,500).'
  },
  {
    id: 'input-rate-zero',
    category: 'Bad input',
    scenario: 'COUNT/DAYSd with COUNT 0',
    inputs: { 'max-opened-per-author': '0/7d' },
    error:
      'Input "max-opened-per-author" is "0/7d": expected COUNT/DAYSd like 5/7d (at most COUNT PRs opened in DAYS days; COUNT ≥ ' +
      '1, DAYS from 1 to 36,500).'
  },
  {
    id: 'input-login-glob',
    category: 'Bad input',
    scenario: 'a login glob with a bracket that is not [bot]',
    inputs: { 'exempt-authors': 'bot[, renovate[bot]' },
    error:
      'Input "exempt-authors" is "bot[, renovate[bot]": expected login globs: letters, digits, hyphens, underscores, * and ?, ' +
      'optionally ending in [bot] ("bot[" is not).'
  },
  {
    id: 'input-negative-files',
    category: 'Bad input',
    scenario: 'max-changed-files is negative',
    inputs: { 'max-changed-files': '-3' },
    error: 'Input "max-changed-files" is "-3": expected a whole number ≥ 1.'
  },
  {
    id: 'input-boolean',
    category: 'Bad input',
    scenario: 'dry-run is not true or false',
    inputs: { 'dry-run': 'yes' },
    error: 'Input "dry-run" is "yes": expected true or false.'
  },
  {
    id: 'input-on-waiting',
    category: 'Bad input',
    scenario: 'on-waiting names an unknown action',
    inputs: { 'on-waiting': 'explode' },
    error: 'Input "on-waiting" is "explode": expected any of fail, label, comment ("explode" is not).'
  },
  {
    id: 'input-on-violation',
    category: 'Bad input',
    scenario: 'on-violation mixes a good and a bad action',
    inputs: { 'on-violation': 'fail, delete' },
    error: 'Input "on-violation" is "fail, delete": expected any of fail, comment, close ("delete" is not).'
  },
  {
    id: 'input-association',
    category: 'Bad input',
    scenario: 'an association typo',
    inputs: { 'author-limit-associations': 'CONTRIBUTR' },
    error: `Input "author-limit-associations" is "CONTRIBUTR": expected any of ${ASSOCIATIONS} ("CONTRIBUTR" is not).`
  },
  {
    id: 'input-placeholder',
    category: 'Bad input',
    scenario: 'a message with an unknown placeholder',
    inputs: { 'stale-message': 'Hi {user}' },
    error:
      'Input "stale-message" is "Hi {user}": expected a text using only the placeholders {author}, {days}, {close_days}, ' +
      '{position}, {limit}, {reason}, lower-case and without spaces ({user} is not one of them).'
  },
  {
    id: 'input-close-days',
    category: 'Bad input',
    scenario: 'close-days is a fraction',
    inputs: { 'close-days': '1.5' },
    error: 'Input "close-days" is "1.5": expected a whole number from 0 to 36,500 (0 never closes).'
  },
  {
    id: 'input-max-writes',
    category: 'Bad input',
    scenario: 'max-writes-per-run is not a number',
    inputs: { 'max-writes-per-run': '∞' },
    error: 'Input "max-writes-per-run" is "∞": expected a whole number ≥ 0.'
  },
  {
    id: 'input-min-max-conflict',
    category: 'Bad input',
    scenario: 'max-wip-limit below min-wip-limit (conflicting settings)',
    inputs: { 'wip-limit': 'auto', 'min-wip-limit': '20', 'max-wip-limit': '10' },
    error: '"max-wip-limit" is 10, below "min-wip-limit" 20: expected max-wip-limit ≥ min-wip-limit.'
  },
  {
    id: 'input-config-path-outside',
    category: 'Bad input',
    scenario: 'config-path outside the repository',
    inputs: { 'config-path': '../../etc/passwd' },
    error:
      'Input "config-path" is "../../etc/passwd": expected a file path inside the repository relative to its root, like ' +
      '.github/backpressure.yml (no leading /, no .. or . segments).'
  },
  {
    id: 'input-config-path-absolute',
    category: 'Bad input',
    scenario: 'config-path is absolute',
    inputs: { 'config-path': '/etc/passwd' },
    error:
      'Input "config-path" is "/etc/passwd": expected a file path inside the repository relative to its root, like ' +
      '.github/backpressure.yml (no leading /, no .. or . segments).'
  },
  {
    id: 'input-config-path-directory',
    category: 'Bad input',
    scenario: 'config-path names a directory',
    inputs: { 'config-path': '.github' },
    file: 'wip-limit: 5\n',
    readsFile: true,
    error:
      'Input "config-path" is ".github": a directory on the default branch: expected a YAML file, like .github/backpressure.yml.'
  },
  {
    id: 'input-config-path-missing',
    category: 'Bad input',
    scenario: 'an explicit config-path with a typo (no such file)',
    inputs: { 'config-path': '.github/backpresure.yml' },
    readsFile: true,
    error:
      'Input "config-path" is ".github/backpresure.yml": no such file on the default branch: expected an existing YAML file ' +
      '(leave config-path unset to run without one).'
  },
  {
    id: 'input-wip-limit-nines',
    category: 'Bad input',
    scenario: 'wip-limit of 400 nines (beyond any safe number)',
    inputs: { 'wip-limit': '9'.repeat(400) },
    given: "wip-limit: '9' × 400",
    error: `Input "wip-limit" is "${'9'.repeat(60)}… (400 characters)": expected a whole number ≥ 0 (0 turns the limit off) or "auto".`
  },
  {
    id: 'input-stale-days-huge',
    category: 'Bad input',
    scenario: 'stale-days so large that the date would be invalid',
    inputs: { 'stale-days': '9007199254740991' },
    error:
      'Input "stale-days" is "9007199254740991": expected a whole number from 0 to 36,500 (0 turns the stale lifecycle off).'
  },
  {
    id: 'input-window-days-huge',
    category: 'Bad input',
    scenario: 'throughput-window-days so large that the date would be invalid',
    inputs: { 'wip-limit': 'auto', 'throughput-window-days': '9007199254740991' },
    error: 'Input "throughput-window-days" is "9007199254740991": expected a whole number from 1 to 36,500.'
  },
  {
    id: 'input-rate-days-huge',
    category: 'Bad input',
    scenario: 'COUNT/DAYSd with DAYS so large that the date would be invalid',
    inputs: { 'max-opened-per-author': '5/999999999d' },
    error:
      'Input "max-opened-per-author" is "5/999999999d": expected COUNT/DAYSd like 5/7d (at most COUNT PRs opened in DAYS days; ' +
      'COUNT ≥ 1, DAYS from 1 to 36,500).'
  },
  {
    id: 'input-label-too-long',
    category: 'Bad input',
    scenario: 'a label longer than GitHub allows (51 characters)',
    inputs: { 'waiting-label': 'w'.repeat(51) },
    error: `Input "waiting-label" is "${'w'.repeat(51)}": expected a label name of at most 50 characters on one line.`
  },
  {
    id: 'input-status-context-newline',
    category: 'Bad input',
    scenario: 'a status-context with a line break',
    inputs: { 'status-context': 'backpressure\nsecond line' },
    given: 'status-context: "backpressure\\nsecond line"',
    error: 'Input "status-context" is "backpressure\\nsecond line": expected a non-empty text on one line.'
  },
  {
    id: 'input-message-too-long',
    category: 'Bad input',
    scenario: 'a stale-message longer than a comment may be',
    inputs: { 'stale-message': 'm'.repeat(70_000) },
    given: "stale-message: 'm' × 70,000",
    error:
      `Input "stale-message" is "${'m'.repeat(60)}… (70,000 characters)": expected a text of at most 60,000 characters (it ` +
      `has 70,000; GitHub refuses comments over 65,536).`
  },
  {
    id: 'input-message-marker',
    category: 'Bad input',
    scenario: "a message carrying the action's hidden marker",
    inputs: { 'stale-message': 'Hi {author} <!-- pr-backpressure:sticky -->' },
    error:
      'Input "stale-message" is "Hi {author} <!-- pr-backpressure:sticky -->": expected a text without the action\'s hidden ' +
      'marker "<!-- pr-backpressure:".'
  },
  {
    id: 'input-placeholder-case',
    category: 'Bad input',
    scenario: 'a placeholder in upper case',
    inputs: { 'stale-message': 'Hi {AUTHOR}' },
    error:
      'Input "stale-message" is "Hi {AUTHOR}": expected a text using only the placeholders {author}, {days}, {close_days}, ' +
      '{position}, {limit}, {reason}, lower-case and without spaces ({AUTHOR} is not one of them).'
  },
  {
    id: 'input-placeholder-spaces',
    category: 'Bad input',
    scenario: 'a placeholder with spaces',
    inputs: { 'close-message': 'Bye { author }' },
    error:
      'Input "close-message" is "Bye { author }": expected a text using only the placeholders {author}, {days}, {close_days}, ' +
      '{position}, {limit}, {reason}, lower-case and without spaces ({ author } is not one of them).'
  },
  // An environment variable holds at most 128 KiB on Linux, so the runner cannot pass a larger input; the file can hold more.
  {
    id: 'input-huge-value',
    category: 'Bad input',
    scenario: 'a 100,000-character input value (shortened in the error)',
    inputs: { 'wip-limit': 'x'.repeat(100_000) },
    given: "wip-limit: 'x' × 100,000",
    error:
      `Input "wip-limit" is "${'x'.repeat(60)}… (100,000 characters)": expected a whole number ≥ 0 (0 turns the limit off) ` +
      `or "auto".`
  },
  {
    id: 'file-misspelt-key',
    category: 'Bad config file',
    scenario: 'a misspelt key',
    file: 'wip-limt: 20\n',
    error: `${FILE}:1:1: unknown key "wip-limt": did you mean "wip-limit"?`
  },
  {
    id: 'file-camel-case-key',
    category: 'Bad config file',
    scenario: 'a camelCase key',
    file: 'staleDays: 20\n',
    error: `${FILE}:1:1: unknown key "staleDays": did you mean "stale-days"?`
  },
  {
    id: 'file-misspelt-selector',
    category: 'Bad config file',
    scenario: 'a misspelt selector key in a rule',
    file: 'rules:\n  - match: {autors: [x]}\n    max-open: 1\n',
    error: `${FILE}:2:13: unknown key "autors" in rules[0].match: did you mean "authors"?`
  },
  {
    id: 'file-wrong-type',
    category: 'Bad config file',
    scenario: 'a word where a number belongs',
    file: 'wip-limit: fifty\n',
    error: `${FILE}:1:1: wip-limit is "fifty": expected a whole number ≥ 0 (0 turns the limit off) or "auto"`
  },
  {
    id: 'file-negative',
    category: 'Bad config file',
    scenario: 'a negative number',
    file: 'stale-days: 10\nclose-days: -1\n',
    error: `${FILE}:2:1: close-days is -1: expected a whole number from 0 to 36,500 (0 never closes)`
  },
  {
    id: 'file-quoted-number',
    category: 'Bad config file',
    scenario: 'a quoted number is text',
    file: 'max-closes-per-run: "5"\n',
    error: `${FILE}:1:1: max-closes-per-run is "5": expected a whole number ≥ 0`
  },
  {
    id: 'file-list-for-number',
    category: 'Bad config file',
    scenario: 'a list where a number belongs',
    file: 'wip-limit: [5]\n',
    error: `${FILE}:1:1: wip-limit is a list [5]: expected a whole number ≥ 0 (0 turns the limit off) or "auto"`
  },
  {
    id: 'file-mapping-for-list',
    category: 'Bad config file',
    scenario: 'a mapping where a list belongs',
    file: 'exempt-labels: {a: 1}\n',
    error: `${FILE}:1:1: exempt-labels is a mapping {"a":1}: expected a list of texts (a YAML sequence or a comma-separated text)`
  },
  {
    id: 'file-rule-rate',
    category: 'Bad config file',
    scenario: 'a bad COUNT/DAYSd in a rule',
    file: 'rules:\n  - max-opened-per-author: 5/0d\n',
    error:
      `${FILE}:2:5: rules[0].max-opened-per-author is "5/0d": expected COUNT/DAYSd like 5/7d (at most COUNT PRs opened in ` +
      `DAYS days; COUNT ≥ 1, DAYS from 1 to 36,500)`
  },
  {
    id: 'file-path-glob',
    category: 'Bad config file',
    scenario: 'a path glob with a leading slash',
    file: 'rules:\n  - match: { paths: ["/docs/**"] }\n    max-open: 2\n',
    error:
      `${FILE}:2:14: rules[0].match.paths is a list ["/docs/**"]: expected path globs from the repository root, like ` +
      `docs/** (no leading / or ./; no extglobs or brace ranges; braces up to 64 patterns; at most 2 * in a segment) ("/docs/**" ` +
      `is not)`
  },
  {
    id: 'file-rule-no-budget',
    category: 'Bad config file',
    scenario: 'a rule without a budget',
    file: 'rules:\n  - name: docs\n    match: {paths: ["docs/**"]}\n    require-owner: false\n',
    error:
      `${FILE}:2:5: rules[0] has no budget: expected at least one of max-open, max-open-per-author, max-opened-per-author, ` +
      `max-changed-lines, max-changed-files, or require-owner: true, require-issue: true or assigned, one-pr-per-issue: true`
  },
  {
    id: 'file-input-only-key',
    category: 'Bad config file',
    scenario: 'an input-only key in the file',
    file: 'dry-run: true\n',
    error: `${FILE}:1:1: dry-run is an action input only (with: in the workflow), not a config file key`
  },
  {
    id: 'file-empty-label',
    category: 'Bad config file',
    scenario: 'an empty status context',
    file: 'status-context: ""\n',
    error: `${FILE}:1:1: status-context is "": expected a non-empty text on one line`
  },
  {
    id: 'file-rule-names-conflict',
    category: 'Bad config file',
    scenario: 'a rule named like the rules the inputs make (conflicting settings)',
    file: 'max-changed-lines: 9\nrules:\n  - name: inputs\n    max-open: 1\n',
    error:
      'Rule name "inputs" is used more than once: expected a unique name per rule (inputs and agents are taken by the rules the ' +
      'inputs make).'
  },
  {
    id: 'file-yaml-tab',
    category: 'Bad config file',
    scenario: 'YAML syntax: a tab as indentation',
    file: 'wip-limit: 5\n\tstale-days: 3\n',
    error: `${FILE}:2:1: Tabs are not allowed as indentation (YAML syntax)`
  },
  {
    id: 'file-yaml-quote',
    category: 'Bad config file',
    scenario: 'YAML syntax: an unclosed quote',
    file: 'wip-limit: "5\n',
    error: `${FILE}:2:1: Missing closing "quote (YAML syntax)`
  },
  {
    id: 'file-yaml-duplicate',
    category: 'Bad config file',
    scenario: 'YAML syntax: a duplicate key',
    file: 'wip-limit: 5\nwip-limit: 6\n',
    error: `${FILE}:2:1: Map keys must be unique (YAML syntax)`
  },
  {
    id: 'file-utf16',
    category: 'Bad config file',
    scenario: 'the file is UTF-16, not UTF-8',
    file: Buffer.from('\uFEFFwip-limit: 5\n', 'utf16le').toString('latin1'),
    given: "UTF-16LE 'wip-limit: 5' (NUL bytes)",
    error: `${FILE}: not UTF-8 text (GitHub reads it as binary, e.g. UTF-16 or NUL bytes): expected a UTF-8 YAML file.`
  },
  {
    id: 'file-nul-byte',
    category: 'Bad config file',
    scenario: 'a NUL byte in the file',
    file: 'wip-limit: 5\u0000\n',
    given: 'wip-limit: 5 + a NUL byte',
    error: `${FILE}: not UTF-8 text (GitHub reads it as binary, e.g. UTF-16 or NUL bytes): expected a UTF-8 YAML file.`
  },
  {
    id: 'file-not-utf8',
    category: 'Bad config file',
    scenario: 'bytes that are not UTF-8 (GitHub shows them as U+FFFD)',
    file: 'wip-limit: 5 # caf\uFFFD\n',
    error: `${FILE}: not UTF-8 text (it holds NUL bytes or bytes that are not UTF-8): expected a UTF-8 YAML file.`
  },
  {
    id: 'file-inf',
    category: 'Bad config file',
    scenario: 'YAML infinity as a number',
    file: 'wip-limit: .inf\n',
    error: `${FILE}:1:1: wip-limit is .inf: expected a whole number ≥ 0 (0 turns the limit off) or "auto"`
  },
  {
    id: 'file-nan',
    category: 'Bad config file',
    scenario: 'YAML not-a-number',
    file: 'max-changed-lines: .nan\n',
    error: `${FILE}:1:1: max-changed-lines is .nan: expected a whole number ≥ 1`
  },
  {
    id: 'file-1e309',
    category: 'Bad config file',
    scenario: 'a number beyond floating point (1e309)',
    file: 'max-open-per-author: 1e309\n',
    error: `${FILE}:1:1: max-open-per-author is 1e309: expected a whole number ≥ 1`
  },
  {
    id: 'file-label-newline',
    category: 'Bad config file',
    scenario: 'a label with a line break',
    file: 'violation-label: "needs\\nreview"\n',
    error: `${FILE}:1:1: violation-label is "needs\\nreview": expected a label name of at most 50 characters on one line`
  },
  {
    id: 'file-label-list-too-long',
    category: 'Bad config file',
    scenario: 'a label in a list longer than 50 characters',
    file: `exempt-labels: [ok, ${'y'.repeat(60)}]\n`,
    error:
      `${FILE}:1:1: exempt-labels is a list ["ok","${'y'.repeat(60)}"]: expected label names of at most 50 characters, each ` +
      `on one line ("${'y'.repeat(30)}… (60 characters)" is not)`
  },
  {
    id: 'file-alias-bomb',
    category: 'Bad config file',
    scenario: 'a YAML alias bomb',
    file:
      'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, ' +
      '*b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
    error: `${FILE}:1:1: too many YAML alias expansions (*name): expected at most 100 (YAML aliases)`
  },
  {
    id: 'file-path-extglob',
    category: 'Bad config file',
    scenario: 'a nested extglob path glob (exponential matching)',
    file: 'rules:\n  - match: { paths: ["*(*.)"] }\n    max-open: 2\n',
    error: `${FILE}:2:14: rules[0].match.paths is a list ["*(*.)"]: ${PATH_GLOBS} ("*(*.)" is not)`
  },
  {
    id: 'file-path-brace-range',
    category: 'Bad config file',
    scenario: 'a brace range path glob (a million patterns)',
    file: 'rules:\n  - match: { paths: ["docs/{1..1000000}.md"] }\n    max-open: 2\n',
    error: `${FILE}:2:14: rules[0].match.paths is a list ["docs/{1..1000000}.md"]: ${PATH_GLOBS} ("docs/{1..1000000}.md" is not)`
  },
  {
    id: 'file-path-many-stars',
    category: 'Bad config file',
    scenario: 'a path glob with many * in one segment (polynomial backtracking)',
    file: 'rules:\n  - match: { paths: ["*a*b*c*"] }\n    max-open: 2\n',
    error: `${FILE}:2:14: rules[0].match.paths is a list ["*a*b*c*"]: ${PATH_GLOBS} ("*a*b*c*" is not)`
  },
  {
    id: 'file-branch-brace-bomb',
    category: 'Bad config file',
    scenario: 'a base-branches glob whose braces expand to 128 patterns',
    file: 'base-branches: ["{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}"]\n',
    error:
      `${FILE}:1:1: base-branches is a list ["{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}"]: expected branch globs like release/* ` +
      `(no extglobs or brace ranges; braces up to 64 patterns; at most 2 * in a segment) ("{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}" ` +
      `is not)`
  },
  {
    id: 'file-one-mebibyte',
    category: 'Bad config file',
    scenario: 'a 1 MiB value in the file (shortened in the error)',
    file: `wip-limit: ${'x'.repeat(1_048_576)}\n`,
    given: "wip-limit: 'x' × 1,048,576",
    error:
      `${FILE}:1:1: wip-limit is "${'x'.repeat(60)}… (1,048,576 characters)": expected a whole number ≥ 0 (0 turns the ` +
      `limit off) or "auto"`
  },
  {
    id: 'file-is-a-list',
    category: 'Bad config file',
    scenario: 'the file is a list, not a mapping',
    file: '- wip-limit: 5\n',
    error: `${FILE}:1:1: the file holds a list [{"wip-limit":5}]: expected a mapping of keys, e.g. "wip-limit: 50"`
  }
];

export const SECURITY_ROWS: CheckRow[] = [
  {
    id: 'token-never-shown',
    category: 'Security',
    scenario: 'The token in logs, outputs and the summary, with debug logging on',
    setup: 'RUNNER_DEBUG=1, ACTIONS_STEP_DEBUG=true; a sweep, a gate, a failing write and a 401, each scanned',
    observed: 'The token appears nowhere: not in stdout, stderr, debug lines, outputs or the summary.'
  },
  {
    id: 'pr-text-escaped',
    category: 'Security',
    scenario: 'A PR title and author login carrying markdown, HTML and @mentions',
    setup:
      'title `<img src=x onerror=alert(1)> @org/team [x](javascript:alert(1))`; the summary and the comments are read back',
    observed: 'No raw HTML tag, no live @mention, no markdown link from PR text in the summary or any comment.'
  },
  {
    id: 'config-from-default-branch',
    category: 'Security',
    scenario: 'A PR that changes .github/backpressure.yml to raise its own limit',
    setup: 'the default branch says wip-limit: 5; the PR changes the file on its head branch',
    observed:
      "The gate decides with the default branch's wip-limit: 5 (the PR waits); the file is read only through `defaultBranchRef`, " +
      "no request names the PR's head."
  },
  {
    id: 'missing-permission-one-warning',
    category: 'Security',
    scenario: 'A read-only token (a fork, or missing permissions) on a sweep with 21 writes',
    setup: 'READ_TOKEN',
    observed: 'Exit 0, exactly one warning, naming the permission to grant; no error per PR.'
  },
  {
    id: 'foreign-marker-ignored',
    category: 'Security',
    scenario: "Someone else's comment carrying the action's hidden marker",
    setup:
      "a passer-by's comment `<!-- pr-backpressure:sticky -->` on a waiting PR (in the read window, and only in the REST " +
      "fallback's listing)",
    observed: 'The foreign comment is never edited or deleted; the action posts its own sticky comment, once.'
  }
];

export const CONCURRENCY_ROWS: CheckRow[] = [
  {
    id: 'last-slot-race',
    category: 'Concurrency',
    scenario: 'Two gates at the same moment for two new PRs racing for the last slot',
    setup: '49 open PRs + 2 opened seconds ago, wip-limit 50, both gates run with Promise.all',
    observed: 'Exactly one is admitted, the older one; the newer one is waiting at position 51.'
  },
  {
    id: 'gate-and-sweep-race',
    category: 'Concurrency',
    scenario: 'A gate and a sweep at the same moment',
    setup: '60 open PRs, wip-limit 50; gate for #60 and a sweep with Promise.all',
    observed: 'Both agree: #60 waits; one status per PR; no duplicate label or comment.'
  },
  {
    id: 'sticky-race',
    category: 'Concurrency',
    scenario: 'A gate and a sweep post the sticky comment at the same moment, round after round',
    setup:
      '3 open PRs, wip-limit 1, on-waiting fail,comment; gate for #3 and a sweep with Promise.all, 3 rounds on a fresh repository',
    observed:
      'Every waiting PR has exactly one sticky comment, saying it waits; the run that posted second deleted its copy. The next ' +
      'sweep writes nothing.'
  },
  {
    id: 'duplicate-stickies',
    category: 'Concurrency',
    scenario: 'A PR already carries two sticky comments from an earlier race',
    setup: '#1 admitted, with two sticky comments of the action that both still say "Waiting"; a sweep',
    observed:
      'One sticky comment is left, the oldest, edited to say "Admitted"; the newer copy is deleted. The next sweep writes nothing.'
  },
  {
    id: 'stale-race',
    category: 'Concurrency',
    scenario: 'Two sweeps mark the same PR stale at the same moment',
    setup: 'one PR idle on its author for 40 days, stale-days 30; two sweeps with Promise.all',
    observed: 'The PR carries the stale label and exactly one stale message. The next sweep writes nothing.'
  }
];

/** A PR is never closed without its stale warning and its close comment (closing-faults.test.ts). */
export const CLOSING_ROWS: CheckRow[] = [
  {
    id: 'stale-comments-fail',
    category: 'Crash-safe closing',
    scenario:
      'Every stale comment of a sweep fails (502), one PR already carries a stale label without the comment; a clean sweep 10 days later',
    setup:
      '4 PRs idle 60 days with changes requested, stale-days 30, close-days 7; POST …/comments answers 502 in the first sweep',
    observed:
      'First sweep: no label added (the label goes with its comment), exit 1. Clean sweep: all 4 marked with one stale comment ' +
      'each, none closed.'
  },
  {
    id: 'close-comment-fails',
    category: 'Crash-safe closing',
    scenario: '`on-violation: close` while every close comment fails (502); then a clean sweep',
    setup: '2 PRs over max-changed-lines; POST …/comments answers 502 in the first sweep',
    observed:
      'First sweep closes nothing (no close without its comment), exit 1. Clean sweep: both closed with exactly one close comment each.'
  },
  {
    id: 'close-fails-after-comment',
    category: 'Crash-safe closing',
    scenario: 'The close fails (502) after its close comment went out; then a clean sweep',
    setup: 'a PR marked stale 20 days ago, close-days 7; PATCH /pulls/1 answers 502 in the first sweep',
    observed: 'First sweep: one close comment, PR open, exit 1. Clean sweep closes it without a second close comment.'
  },
  {
    id: 'max-writes-keeps-mark-whole',
    category: 'Crash-safe closing',
    scenario: 'max-writes-per-run ends between the stale comment and the stale label',
    setup: 'max-writes-per-run 2: the status takes one write, the mark needs two',
    observed: 'Neither is written (a warning says the budget was reached); the next sweep writes both.'
  },
  {
    id: 'deleted-accounts-not-one-author',
    category: 'Crash-safe closing',
    scenario:
      'Three PRs by three deleted accounts (all read as `ghost`) under `max-open-per-author: 1` with `on-violation: close`',
    setup: 'authors ghost, association NONE',
    observed: 'No violation, none closed: an unknown author is never subject to per-author budgets.'
  },
  {
    id: 'comment-refused-locked',
    category: 'Crash-safe closing',
    scenario: 'GitHub refuses the stale comment because the conversation was locked after the read (403)',
    setup: 'POST …/comments answers 403 "Unable to create comment because issue is locked."',
    observed: 'Exit 0 with no error; no label without its comment; the summary lists the comment as not applicable.'
  }
];

export const ROWS: Row[] = [...FAULT_ROWS, ...BAD_INPUT_ROWS, ...SECURITY_ROWS, ...CONCURRENCY_ROWS, ...CLOSING_ROWS];
