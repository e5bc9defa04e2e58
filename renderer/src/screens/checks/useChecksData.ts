// Everything the Checks screen shows, read again after every saved change.
import type { CheckInfo, CheckRunView, CheckTargetView, CredentialMeta, EgressPolicyView } from '../../../../main/contract/checks';
import { useQuery } from '../../api/query';
import { messageOf } from '../../components/ErrorText';

export interface ChecksData {
  policy: EgressPolicyView | null;
  checks: CheckInfo[];
  credentials: CredentialMeta[];
  targets: CheckTargetView[];
  runs: CheckRunView[];
  error: string | null;
}

export function useChecksData(assessmentId: string | null): ChecksData {
  const policy = useQuery('policy.get', {});
  const checks = useQuery('check.list', {});
  const credentials = useQuery('credential.list', {});
  const targets = useQuery('check.targets', assessmentId ? { assessmentId } : null);
  const runs = useQuery('check.results', assessmentId ? { assessmentId } : null);
  const failed = [policy, checks, credentials, targets, runs].find((q) => q.error)?.error;
  return {
    policy: policy.data ?? null,
    checks: checks.data?.checks ?? [],
    credentials: credentials.data?.credentials ?? [],
    targets: targets.data?.targets ?? [],
    runs: runs.data?.runs ?? [],
    error: failed ? messageOf(failed) : null,
  };
}
