// The posture of one assessment at a glance: score, progress, findings, charts per
// catalogue and category, status distribution, and change against another assessment.
import type { DashboardView } from '../../../../main/contract/assessment';
import { useQuery } from '../../api/query';
import { AssessmentPicker, useAssessmentList } from '../../components/AssessmentPicker';
import { EmptyState } from '../../components/EmptyState';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useAppStore } from '../../store';
import { WorkspaceScreen } from '../WorkspaceScreen';
import { BarChart, type Bar } from './BarChart';
import { CompareView } from './CompareView';
import { FindingsBySeverity, OverdueFindings } from './FindingsSummary';
import { ScoreCards } from './ScoreCards';
import { StatusDistribution } from './StatusDistribution';
import './dashboard.css';
import { workspaceShown } from '../../store/workspace';

const SUBTITLE = 'Posture at a glance: scores per catalogue and category, findings by severity, progress.';

export function DashboardScreen() {
  const open = useAppStore(workspaceShown);
  if (!open) return <WorkspaceScreen id="dashboard" />;
  return <Dashboard />;
}

const detail = (b: { met: number; partial: number; notMet: number; notApplicable: number; notAssessed: number }) =>
  `${b.met} met, ${b.partial} partially met, ${b.notMet} not met, ${b.notApplicable} not applicable, ${b.notAssessed} not assessed`;

function Dashboard() {
  const assessmentId = useAppStore((s) => s.assessmentId);
  const navigate = useAppStore((s) => s.navigate);
  const { assessments, loaded, error: listError } = useAssessmentList();
  const current = assessments.find((a) => a.id === assessmentId);
  const read = useQuery('dashboard.get', current ? { assessmentId: current.id } : null);
  const view: DashboardView | null = read.data ?? null;
  const error = read.error ? messageOf(read.error) : null;

  if (loaded && assessments.length === 0) {
    return (
      <>
        <ScreenHeader title="Dashboard" subtitle={SUBTITLE} />
        <ErrorText error={listError} />
        <EmptyState
          title="Nothing to summarise yet"
          action={
            <button type="button" className="button primary" onClick={() => navigate('assessments')}>
              Go to Assessments
            </button>
          }
        >
          <p>
            The Dashboard summarises an assessment: its score, progress and findings. Create an assessment in Assessments, pick a catalogue
            such as the platform security baseline, and mark controls met or not met; the figures appear here.
          </p>
        </EmptyState>
      </>
    );
  }

  const shown = view && current && view.assessment.id === current.id ? view : null;
  return (
    <>
      <ScreenHeader title="Dashboard" subtitle={SUBTITLE} actions={<AssessmentPicker assessments={assessments} />} />
      <ErrorText error={listError ?? error} />
      {shown && current ? (
        <div className="dashboard">
          <ScoreCards view={shown} />
          <div className="dash-row">
            <section className="card" aria-labelledby="cat-title">
              <h2 id="cat-title">Score per catalogue</h2>
              <BarChart
                caption="Score per catalogue (0–100)"
                bars={shown.catalogues.map((c): Bar => ({ key: c.id, label: c.title, score: c.score, detail: detail(c) }))}
              />
            </section>
            <StatusDistribution block={shown.overall} />
          </div>
          <section className="card" aria-labelledby="category-title">
            <h2 id="category-title">Score per category</h2>
            <div className="category-charts">
              {shown.catalogues.map((c) => (
                <BarChart
                  key={c.id}
                  caption={c.title}
                  bars={shown.categories
                    .filter((k) => k.catalogueId === c.id)
                    .map((k): Bar => ({ key: `${k.catalogueId}/${k.id}`, label: k.title, score: k.score, detail: detail(k) }))}
                />
              ))}
            </div>
          </section>
          <div className="dash-row">
            <FindingsBySeverity view={shown} />
            <OverdueFindings view={shown} />
          </div>
          <CompareView current={current} assessments={assessments} />
        </div>
      ) : error ? null : (
        <p className="muted">Loading the dashboard…</p>
      )}
    </>
  );
}
