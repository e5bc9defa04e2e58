// One assessment: header, workflow, filters, the keyboard-first control table and the
// side panel of the active control. Keys are described in shortcuts.ts.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { AssessmentRow } from '../../../../main/contract/assessment';
import { STATE_LABELS, STATUS_LABELS, type AssessmentState, type ControlStatus } from '../../../../main/contract/vocabulary';
import { call } from '../../api/client';
import { runWrite } from '../../api/write';
import { BulkBar } from '../../components/BulkBar';
import { NO_SELECTION, selectRows, selectedRows, type RowSelection, type SelectMode } from '../../lib/row-selection';
import { ErrorText, messageOf } from '../../components/ErrorText';
import { ScreenHeader } from '../../components/ScreenHeader';
import { ShortcutHelp } from '../../components/ShortcutHelp';
import { SplitPane } from '../../components/SplitPane';
import { useAppStore } from '../../store';
import { ControlFilters } from './ControlFilters';
import { ControlPanel } from './ControlPanel';
import { ControlTable } from './ControlTable';
import { categoriesOf, filterRows, NO_FILTERS, type Filters } from './filters';
import { formatPeriod } from './format';
import type { Draft, FocusRequest } from './RationaleEditor';
import { ASSESSMENT_SHORTCUTS, STATUS_KEYS } from './shortcuts';
import { rowKey, useAssessment } from './useAssessment';
import { useControlSearch } from './useControlSearch';
import { BulkStatus } from './BulkStatus';
import { WorkflowBar } from './WorkflowBar';

// The panel beside the table uses the same height (assessments.css), so neither pushes the page.
const TABLE_HEIGHT = 'max(18rem, calc(100vh - 26.5rem))';

const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

export function AssessmentView({ id, onBack }: { id: string; onBack(): void }) {
  const { summary, rows, error, adoptRow, setSummary, saveResult } = useAssessment(id);
  const navigate = useAppStore((s) => s.navigate);
  const mutate = useAppStore((s) => s.mutate);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const search = useControlSearch(id, filters.text);
  // The active control, and where it was: if it leaves the filtered view because it was
  // assessed (filtering on Not assessed), the row that takes its place becomes active; if
  // the filters themselves changed, the first row does.
  const [cursor, setCursor] = useState<{ key: string; index: number; view: object } | null>(null);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const tableArea = useRef<HTMLDivElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const readOnly = summary?.state === 'final';

  // Heavy work only when its inputs change: filtering, categories, counts, key → index.
  const shown = useMemo(() => filterRows(rows, filters, search.hits), [rows, filters, search.hits]);
  const categories = useMemo(() => categoriesOf(rows, filters.catalogueId), [rows, filters.catalogueId]);
  const assessed = useMemo(() => rows.reduce((n, r) => n + (r.status === 'not-assessed' ? 0 : 1), 0), [rows]);
  const indexOf = useMemo(() => new Map(shown.map((r, i) => [rowKey(r), i])), [shown]);
  const view = useMemo(() => ({ filters, hits: search.hits }), [filters, search.hits]);
  const fallback = cursor && cursor.view === view ? Math.min(cursor.index, shown.length - 1) : 0;
  const activeIndex = shown.length ? ((cursor && indexOf.get(cursor.key)) ?? fallback) : -1;
  const active = activeIndex >= 0 ? shown[activeIndex] : undefined;
  const activeRowKey = active ? rowKey(active) : '';

  const say = useAppStore((s) => s.say);
  const focusTable = useCallback(() => tableArea.current?.querySelector<HTMLElement>('[role="grid"]')?.focus(), []);
  const setDraft = useCallback(
    (key: string, draft: Draft | null) =>
      setDrafts((d) => {
        if (!draft) {
          if (!(key in d)) return d;
          const { [key]: _gone, ...rest } = d;
          return rest;
        }
        return { ...d, [key]: draft };
      }),
    [],
  );

  // Many controls chosen with Ctrl/Shift, changed in one write with one undo.
  const [selection, setSelection] = useState<RowSelection>(NO_SELECTION);
  const chosen = useMemo(() => selectedRows(shown, rowKey, selection), [shown, selection]);
  const tableSelection = useMemo(
    () => ({
      isSelected: (r: AssessmentRow) => selection.keys.has(rowKey(r)),
      onSelect: (i: number, mode: SelectMode, shownKeys: readonly string[]) => setSelection((s) => selectRows(s, shownKeys, i, mode)),
    }),
    [selection],
  );
  const [bulkBusy, setBulkBusy] = useState(false);
  const applyBulk = useCallback(
    async (status: ControlStatus) => {
      if (chosen.length === 0) return;
      setBulkBusy(true);
      const n = chosen.length;
      try {
        const done = await runWrite(
          () =>
            call('assessment.setResults', {
              assessmentId: id,
              results: chosen.map((r) => ({ catalogueId: r.catalogueId, controlId: r.controlId, status })),
            }),
          {
            done: `${n} control${n === 1 ? '' : 's'} set to ${STATUS_LABELS[status]}.`,
            undoable: true,
          },
        );
        done.rows.forEach(adoptRow);
        setSelection(NO_SELECTION);
      } catch (e) {
        say({ text: `Nothing was changed: ${messageOf(e)}`, tone: 'error' });
      } finally {
        setBulkBusy(false);
      }
    },
    [adoptRow, chosen, id, say],
  );

  const onActiveChange = useCallback((i: number) => setCursor(shown[i] ? { key: rowKey(shown[i]), index: i, view } : null), [shown, view]);
  const editRationale = useCallback((row: AssessmentRow) => setFocusRequest((r) => ({ key: rowKey(row), n: (r?.n ?? 0) + 1 })), []);

  const setStatus = useCallback(
    async (row: AssessmentRow, status: ControlStatus) => {
      const key = rowKey(row);
      // Nothing would change; a carried-forward result set to the same status is its review.
      if (status === row.status && !drafts[key] && !row.carriedForward) return;
      const rationale = drafts[key]?.rationale ?? row.rationale;
      const before = { status: row.status, rationale: row.rationale };
      setDraft(key, null);
      try {
        await saveResult(row, status, rationale);
        // Ctrl+Z takes any status change back; clearing a result also says so with Undo.
        const after = useAppStore.getState().status;
        if (status === 'not-assessed' && before.status !== 'not-assessed' && after.state === 'open') {
          say({
            text: `${row.label} is not assessed any more${before.rationale ? '; its rationale was cleared' : ''}.`,
            tone: 'ok',
            action: { label: 'Undo', run: () => void useAppStore.getState().undoLast(after.lastSeq) },
          });
        }
      } catch (e) {
        say({ text: `${row.label} was not changed: ${messageOf(e)}`, tone: 'error' });
      }
    },
    [drafts, saveResult, setDraft, say],
  );

  const createFinding = useCallback(
    async (row: AssessmentRow) => {
      if (row.status !== 'not-met' && row.status !== 'partial') {
        say({
          text: `Only a control assessed Not met or Partially met becomes a finding; ${row.label} is ${STATUS_LABELS[row.status]}.`,
          tone: 'error',
        });
        return;
      }
      try {
        const finding = await mutate(() =>
          call('finding.fromControl', { assessmentId: id, catalogueId: row.catalogueId, controlId: row.controlId }),
        );
        if (summary) setSummary({ ...summary, openFindings: summary.openFindings + 1 });
        say({
          text: `${finding.ref} created from ${row.label}.`,
          tone: 'ok',
          action: { label: 'Open Findings', run: () => navigate('findings') },
        });
      } catch (e) {
        say({ text: messageOf(e), tone: 'error' });
      }
    },
    [id, mutate, navigate, say, setSummary, summary],
  );

  const onKey = useCallback(
    (event: KeyboardEvent<HTMLDivElement>, row: AssessmentRow | undefined) => {
      if (event.ctrlKey || event.metaKey || event.altKey || !row) return;
      const key = event.key;
      if (key === 'e') {
        event.preventDefault();
        editRationale(row);
        return;
      }
      if (key in STATUS_KEYS) {
        event.preventDefault();
        if (readOnly) {
          say({ text: 'This assessment is final and read-only. Reopen it (with a reason) to change results.', tone: 'error' });
          return;
        }
        const status = STATUS_KEYS[key as keyof typeof STATUS_KEYS];
        // With several controls selected, a digit sets them all (N/A keeps each control's rationale, which it needs).
        if (chosen.length > 1) {
          void applyBulk(status);
          return;
        }
        if (status === 'not-applicable') {
          // Not applicable waits for its justification in the editor.
          const k = rowKey(row);
          setDraft(k, { status, rationale: drafts[k]?.rationale ?? row.rationale });
          editRationale(row);
        } else {
          void setStatus(row, status);
        }
        return;
      }
      if (key === 'f') {
        event.preventDefault();
        void createFinding(row);
      }
    },
    [applyBulk, chosen.length, createFinding, drafts, editRationale, readOnly, say, setDraft, setStatus],
  );

  // `/` and `?` work anywhere on the screen except while typing.
  useEffect(() => {
    const onWindowKey = (event: globalThis.KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || document.querySelector('dialog[open]')) return;
      if (event.key === '/') {
        event.preventDefault();
        searchBox.current?.focus();
        searchBox.current?.select();
      } else if (event.key === '?') {
        event.preventDefault();
        setHelpOpen(true);
      }
    };
    window.addEventListener('keydown', onWindowKey);
    return () => window.removeEventListener('keydown', onWindowKey);
  }, []);

  // A jump from the command palette to one of this assessment's controls: show it, active.
  const pendingJump = useAppStore((s) => (s.jump?.kind === 'control' && s.jump.assessmentId === id ? s.jump : null));
  useEffect(() => {
    if (!pendingJump || rows.length === 0) return;
    const key = rowKey(pendingJump);
    const index = rows.findIndex((r) => rowKey(r) === key);
    if (index < 0) return;
    // After this render: the table shows every control with the target active.
    const t = setTimeout(() => {
      useAppStore.getState().takeJump('control');
      setFilters(NO_FILTERS);
      setCursor({ key, index, view: {} });
      focusTable();
    }, 0);
    return () => clearTimeout(t);
  }, [pendingJump, rows, focusTable]);

  // Keyboard first: once the assessment is loaded, the table has focus.
  const loaded = summary !== null;
  useEffect(() => {
    if (loaded) focusTable();
  }, [loaded, focusTable]);

  const changeState = useCallback(
    async (state: AssessmentState, reason?: string, acknowledgeIncomplete?: boolean) => {
      const next = await mutate(() =>
        call('assessment.setState', {
          id,
          state,
          ...(reason ? { reason } : {}),
          ...(acknowledgeIncomplete ? { acknowledgeIncomplete } : {}),
        }),
      );
      setSummary(next);
      say({ text: `The assessment is now ${STATE_LABELS[next.state]}${reason ? '; the reason is in the audit log' : ''}.`, tone: 'ok' });
    },
    [id, mutate, say, setSummary],
  );

  const saveFromEditor = useCallback(
    async (status: ControlStatus, rationale: string) => {
      if (!active) return;
      await saveResult(active, status, rationale);
      setDraft(rowKey(active), null);
      focusTable();
    },
    [active, focusTable, saveResult, setDraft],
  );

  if (error) {
    return (
      <>
        <ScreenHeader title="Assessment" actions={<BackButton onBack={onBack} />} />
        <ErrorText error={error} />
      </>
    );
  }
  if (!summary) {
    return (
      <>
        <ScreenHeader title="Assessment" actions={<BackButton onBack={onBack} />} />
        <p className="asm-muted" aria-live="polite">
          Loading the assessment…
        </p>
      </>
    );
  }

  return (
    <div className="asm-view">
      <ScreenHeader
        title={summary.name}
        subtitle={`${summary.client} · ${formatPeriod(summary.periodStart, summary.periodEnd)} · assessed by ${summary.assessor}`}
        actions={
          <>
            <button type="button" className="button subtle" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">
              Shortcuts <kbd className="asm-kbd">?</kbd>
            </button>
            <BackButton onBack={onBack} />
          </>
        }
      />
      <WorkflowBar summary={summary} assessed={assessed} onState={changeState} />
      {readOnly ? (
        <p className="asm-final-banner" role="note">
          <strong>Final — read-only.</strong> Results, rationales and evidence can no longer change. Reopen the assessment (with a reason,
          recorded in the audit log) to change it.
        </p>
      ) : null}
      <ControlFilters
        ref={searchBox}
        onLeave={focusTable}
        filters={filters}
        onChange={setFilters}
        catalogues={summary.catalogues}
        categories={categories}
        shown={shown.length}
        total={rows.length}
        searching={search.pending}
        searchError={search.error}
      />
      <BulkBar count={chosen.length} noun={['control', 'controls']} onClear={() => setSelection(NO_SELECTION)}>
        <BulkStatus disabled={bulkBusy || readOnly} onApply={(s) => void applyBulk(s)} />
      </BulkBar>
      <SplitPane
        className="asm-work"
        storageKey="attest.assessmentSplit"
        initialShare={0.4}
        minPx={260}
        label="Resize the control panel"
        main={
          <div className="asm-table" ref={tableArea}>
            <ControlTable
              rows={shown}
              activeIndex={activeIndex}
              onActiveChange={onActiveChange}
              onOpen={editRationale}
              onKey={onKey}
              height={TABLE_HEIGHT}
              empty={rows.length ? 'No control matches these filters.' : 'This assessment has no controls.'}
              selection={tableSelection}
            />
            <p className="asm-table-hint asm-muted">
              In the table: 1 Met · 2 Partial · 3 Not met · 4 N/A · 0 Not assessed · f finding · Shift/Ctrl+click or Space select many · ?
              all keys
            </p>
          </div>
        }
        side={
          <ControlPanel
            assessmentId={id}
            row={active}
            rowKey={activeRowKey}
            readOnly={readOnly}
            draft={drafts[activeRowKey] ?? null}
            onDraft={(d) => setDraft(activeRowKey, d)}
            focusRequest={focusRequest}
            onSaveResult={saveFromEditor}
            onEscape={focusTable}
            onRow={adoptRow}
            onOpenFindings={() => navigate('findings')}
          />
        }
      />
      <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} groups={ASSESSMENT_SHORTCUTS} title="Assessment shortcuts" />
    </div>
  );
}

function BackButton({ onBack }: { onBack(): void }) {
  return (
    <button type="button" className="button" onClick={onBack}>
      All assessments
    </button>
  );
}
