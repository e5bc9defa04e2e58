// Live checks of the selected assessment: network access (offline by default), saved
// credentials, targets with Run and progress, and the stored results to accept or reject.
import { useState } from 'react';
import { AssessmentPicker, useAssessmentList } from '../../components/AssessmentPicker';
import { EmptyState } from '../../components/EmptyState';
import { ErrorText } from '../../components/ErrorText';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Tabs } from '../../components/Tabs';
import { useAppStore } from '../../store';
import { WorkspaceScreen } from '../WorkspaceScreen';
import { CredentialsPanel } from './CredentialsPanel';
import { PolicyPanel } from './PolicyPanel';
import { ResultsPanel } from './ResultsPanel';
import { RunProgress } from './RunProgress';
import { TargetsPanel } from './TargetsPanel';
import { useChecksData } from './useChecksData';
import './checks.css';
import { workspaceShown } from '../../store/workspace';

const SUBTITLE = 'Evidence from the real systems, gathered only when you turn live checks on and approve each host.';

type CheckTab = 'checks' | 'credentials';

export function ChecksScreen() {
  const open = useAppStore(workspaceShown);
  if (!open) return <WorkspaceScreen id="checks" />;
  return <Checks />;
}

function Checks() {
  const assessmentId = useAppStore((s) => s.assessmentId);
  const { assessments, loaded, error: listError } = useAssessmentList();
  const current = assessments.find((a) => a.id === assessmentId) ?? null;
  const data = useChecksData(current?.id ?? null);
  const [runId, setRunId] = useState<string | null>(null);
  const [tab, setTab] = useState<CheckTab>('checks');

  return (
    <>
      <ScreenHeader title="Checks" subtitle={SUBTITLE} actions={<AssessmentPicker assessments={assessments} />} />
      <ErrorText error={listError ?? data.error} />
      <Tabs<CheckTab>
        label="Checks sections"
        tabs={[
          { id: 'checks', label: 'Targets and results' },
          { id: 'credentials', label: `Credentials (${data.credentials.length})` },
        ]}
        selected={tab}
        onSelect={setTab}
      >
        {tab === 'credentials' ? (
          <div className="chk-single">
            <CredentialsPanel credentials={data.credentials} />
          </div>
        ) : (
          <div className="chk-grid">
            <div className="chk-side">{data.policy ? <PolicyPanel policy={data.policy} /> : null}</div>
            <div className="chk-main">
              {loaded && !current ? (
                <EmptyState title="No assessment yet">Start an assessment first; its checks and results appear here.</EmptyState>
              ) : null}
              {runId ? <RunProgress runId={runId} onEnd={() => setRunId(null)} /> : null}
              {current && data.policy ? (
                <TargetsPanel
                  key={current.id}
                  assessmentId={current.id}
                  checks={data.checks}
                  credentials={data.credentials}
                  targets={data.targets}
                  policy={data.policy}
                  running={runId !== null}
                  onStart={setRunId}
                />
              ) : null}
              {current ? <ResultsPanel runs={data.runs} /> : null}
            </div>
          </div>
        )}
      </Tabs>
    </>
  );
}
