// Findings of one assessment (or all): filter, open to edit, create, remove with undo.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { call } from '../../api/client';
import { AssessmentPicker, useAssessmentList } from '../../components/AssessmentPicker';
import { EmptyState } from '../../components/EmptyState';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useAppStore } from '../../store';
import { WorkspaceScreen } from '../WorkspaceScreen';
import { applyFilters, isFiltering, clearRequestedFilters, requestedFilters, type Filters } from './filters';
import { FindingEditor, type EditorTarget } from './FindingEditor';
import { FindingFilters } from './FindingFilters';
import { FindingList } from './FindingList';
import type { FindingView } from './types';
import { Toast } from '../../components/Toast';
import './findings.css';

const SUBTITLE = 'Weaknesses found during assessments, with severity, owner, due date and remediation.';

export function FindingsScreen() {
  const open = useAppStore((s) => s.status.state === 'open');
  if (!open) return <WorkspaceScreen id="findings" />;
  return <Findings />;
}

function Findings() {
  const lastSeq = useAppStore((s) => (s.status.state === 'open' ? s.status.lastSeq : 0));
  const assessmentId = useAppStore((s) => s.assessmentId);
  const navigate = useAppStore((s) => s.navigate);
  const { assessments, loaded, error: listError } = useAssessmentList();
  const [all, setAll] = useState(false);
  const [findings, setFindings] = useState<FindingView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filters, setFilters] = useState<Filters>(requestedFilters);
  const [active, setActive] = useState(0);
  const [editor, setEditor] = useState<EditorTarget | null>(null);
  const [removed, setRemoved] = useState<FindingView | null>(null);

  useEffect(clearRequestedFilters, []);

  const assessment = assessments.find((a) => a.id === assessmentId);
  const scope = all ? undefined : assessment?.id;

  useEffect(() => {
    if (!all && !scope) return;
    let current = true;
    call('finding.list', scope ? { assessmentId: scope } : {}).then(
      (r) => {
        if (!current) return;
        setFindings(r.findings);
        setError(null);
      },
      (e: unknown) => current && setError(messageOf(e)),
    );
    return () => {
      current = false;
    };
  }, [all, scope, lastSeq]);

  const shown = useMemo(() => applyFilters(findings ?? [], filters), [findings, filters]);
  const activeIndex = Math.min(active, Math.max(0, shown.length - 1));
  const activeFinding = shown[activeIndex];

  const openEditor = (f: FindingView) => setEditor({ mode: 'edit', finding: f, assessment: assessments.find((a) => a.id === f.assessmentId) });
  const newFinding = () => assessment && setEditor({ mode: 'new', assessment });

  const remove = async (f: FindingView) => {
    setError(null);
    try {
      await useAppStore.getState().mutate(() => call('finding.remove', { id: f.id }));
      setEditor(null);
      setRemoved(f);
    } catch (e) {
      setError(`${f.ref} was not removed: ${messageOf(e)}`);
    }
  };
  const undo = useCallback(async () => {
    if (!removed) return;
    setRemoved(null);
    try {
      await useAppStore.getState().mutate(() => call('finding.restore', { id: removed.id }));
    } catch (e) {
      setError(`${removed.ref} could not be restored: ${messageOf(e)}`);
    }
  }, [removed]);
  const dismiss = useCallback(() => setRemoved(null), []);

  // Ctrl/Cmd+Z undoes the last removal while its notice shows (text fields keep their own undo).
  useEffect(() => {
    if (!removed) return;
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && e.target.closest('input, textarea, select');
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z' && !typing) {
        e.preventDefault();
        void undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [removed, undo]);

  const header = (
    <ScreenHeader
      title="Findings"
      subtitle={SUBTITLE}
      actions={
        assessment ? (
          <button type="button" className="button primary" onClick={newFinding}>
            New finding
          </button>
        ) : null
      }
    />
  );

  if (loaded && assessments.length === 0) {
    return (
      <>
        {header}
        <ErrorText error={listError} />
        <EmptyState
          title="No findings yet"
          action={
            <button type="button" className="button primary" onClick={() => navigate('assessments')}>
              Go to Assessments
            </button>
          }
        >
          <p>
            A finding records a weakness found while assessing a control, usually one assessed “not met”. Start an assessment in
            Assessments; there, select a control that is not met and press <kbd>f</kbd> to turn it into a finding.
          </p>
        </EmptyState>
      </>
    );
  }

  const nothingYet = findings !== null && findings.length === 0;
  return (
    <>
      {header}
      <div className="findings-toolbar">
        <AssessmentPicker assessments={assessments} all={{ selected: all, onChange: setAll }} />
        {assessment?.state === 'final' && !all ? (
          <p className="warning-text">This assessment is final and read-only; reopen it in Assessments to change its findings.</p>
        ) : null}
      </div>
      <ErrorText error={listError ?? error} />
      {nothingYet ? (
        <EmptyState
          title={all ? 'No findings in any assessment' : 'No findings in this assessment'}
          action={
            assessment ? (
              <button type="button" className="button primary" onClick={newFinding}>
                New finding
              </button>
            ) : null
          }
        >
          <p>
            Findings usually come from a control assessed “not met”: in the Assessments table, select the control and press{' '}
            <kbd>f</kbd> to record it, prefilled from the control. You can also describe a weakness here with New finding.
          </p>
        </EmptyState>
      ) : findings ? (
        <>
          <FindingFilters value={filters} onChange={setFilters} shown={shown.length} total={findings.length} />
          <div className="finding-actions" aria-label="Selected finding" role="group">
            {activeFinding ? (
              <>
                <span className="selected-finding">
                  <span className="ref">{activeFinding.ref}</span> {activeFinding.title}
                </span>
                <button type="button" className="button" onClick={() => openEditor(activeFinding)}>
                  Edit
                </button>
                <button type="button" className="button danger-ghost" onClick={() => void remove(activeFinding)}>
                  Remove
                </button>
              </>
            ) : (
              <span className="muted">No finding selected.</span>
            )}
            <span className="keys muted">
              <kbd>Enter</kbd> edit · <kbd>Delete</kbd> remove · <kbd>j</kbd>/<kbd>k</kbd> move
            </span>
          </div>
          <FindingList
            findings={shown}
            assessments={assessments}
            showAssessment={all}
            activeIndex={activeIndex}
            onActiveChange={setActive}
            onOpen={openEditor}
            onRemove={(f) => void remove(f)}
            empty={isFiltering(filters) ? 'No finding matches these filters.' : 'No findings.'}
          />
        </>
      ) : (
        <p className="muted">Loading findings…</p>
      )}
      {editor ? <FindingEditor key={editor.mode === 'edit' ? editor.finding.id : 'new'} target={editor} onClose={() => setEditor(null)} onRemove={(f) => void remove(f)} /> : null}
      <Toast
        toast={removed ? { id: 0, text: `Removed ${removed.ref} “${removed.title}”.`, tone: 'ok', action: { label: 'Undo', run: () => void undo() } } : null}
        onDismiss={dismiss}
      />
    </>
  );
}
