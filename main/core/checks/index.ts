// Public surface of the live-checks core for the shell, the CLI and tests.
export { allChecks, describeChecks, getCheck } from './registry';
export { defaultCheckTimeoutMs, defaultConcurrency, defaultResolver, runChecks, runOne } from './runner';
export type { CheckJob, RunOptions, RunProgress } from './runner';
export type { CheckContext, CheckDefinition, CheckInput, CheckResult, CheckStatus, ResolverConfig, SuggestedControlStatus } from './types';
export { gradeForScore, scoreFromModifiers } from './web/observatory';
