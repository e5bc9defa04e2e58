// Everything the Checks screen shows, reloaded after every saved change (lastSeq).
import { useEffect, useState } from 'react';
import type { CheckInfo, CheckRunView, CheckTargetView, CredentialMeta, EgressPolicyView } from '../../../../main/contract/checks';
import { call } from '../../api/client';
import { messageOf } from '../../components/ErrorText';
import { useAppStore } from '../../store';

export interface ChecksData {
  policy: EgressPolicyView | null;
  checks: CheckInfo[];
  credentials: CredentialMeta[];
  targets: CheckTargetView[];
  runs: CheckRunView[];
  error: string | null;
}

const empty: ChecksData = { policy: null, checks: [], credentials: [], targets: [], runs: [], error: null };

export function useChecksData(assessmentId: string | null): ChecksData {
  const lastSeq = useAppStore((s) => (s.status.state === 'open' ? s.status.lastSeq : -1));
  const [data, setData] = useState<ChecksData>(empty);
  useEffect(() => {
    let live = true;
    Promise.all([
      call('policy.get', {}),
      call('check.list', {}),
      call('credential.list', {}),
      assessmentId ? call('check.targets', { assessmentId }) : Promise.resolve({ targets: [] }),
      assessmentId ? call('check.results', { assessmentId }) : Promise.resolve({ runs: [] }),
    ]).then(
      ([policy, { checks }, { credentials }, { targets }, { runs }]) => live && setData({ policy, checks, credentials, targets, runs, error: null }),
      (e: unknown) => live && setData((d) => ({ ...d, error: messageOf(e) })),
    );
    return () => {
      live = false;
    };
  }, [assessmentId, lastSeq]);
  return data;
}

export const mutate = <T,>(fn: () => Promise<T>) => useAppStore.getState().mutate(fn);
