// One assessment's summary and rows, loaded once per assessment and then patched row by
// row from the server's answers: re-reading thousands of rows after every keystroke
// would make the table stutter. Status changes are optimistic and settle on the answer.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AssessmentRow, AssessmentSummary } from '../../../../main/contract/assessment';
import type { ControlStatus } from '../../../../main/contract/vocabulary';
import { call } from '../../api/client';
import { useAppStore } from '../../store';
import { messageOf } from '../../components/ErrorText';
import { answer, runWrite } from '../../api/write';

export const rowKey = (r: { catalogueId: string; controlId: string }) => `${r.catalogueId}\u0000${r.controlId}`;

interface Loaded {
  summary: AssessmentSummary;
  rows: AssessmentRow[];
}

export interface AssessmentData {
  summary: AssessmentSummary | null;
  rows: AssessmentRow[];
  error: string | null;
  /** Replaces one row with what the server says it is now (unless a change of it is still in flight). */
  adoptRow(row: AssessmentRow): void;
  setSummary(summary: AssessmentSummary): void;
  /** Sets a status and rationale: shown at once, settled by the server; throws its message on failure. */
  saveResult(row: AssessmentRow, status: ControlStatus, rationale: string): Promise<AssessmentRow>;
}

export function useAssessment(id: string): AssessmentData {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const index = useRef(new Map<string, number>());
  // Per row: how many changes are in flight, and the last row the server confirmed.
  const inFlight = useRef(new Map<string, number>());
  const confirmed = useRef(new Map<string, AssessmentRow>());

  // Read again after an undo: it may have changed any row behind this screen's copy.
  const undoCount = useAppStore((s) => s.undoCount);
  useEffect(() => {
    let current = true;
    call('assessment.get', { id }).then(
      (r) => {
        if (!current) return;
        index.current = new Map(r.rows.map((row, i) => [rowKey(row), i]));
        confirmed.current = new Map();
        setLoaded({ summary: r.assessment, rows: r.rows });
        setError(null);
      },
      (e: unknown) => current && setError(messageOf(e)),
    );
    return () => {
      current = false;
    };
  }, [id, undoCount]);

  const patch = useCallback((row: AssessmentRow) => {
    const i = index.current.get(rowKey(row));
    if (i === undefined) return;
    setLoaded((l) => {
      if (!l || l.rows[i] === row) return l;
      const rows = l.rows.slice();
      rows[i] = row;
      return { ...l, rows };
    });
  }, []);

  const adoptRow = useCallback(
    (row: AssessmentRow) => {
      const k = rowKey(row);
      confirmed.current.set(k, row);
      if (!inFlight.current.get(k)) patch(row);
    },
    [patch],
  );

  const setSummary = useCallback((summary: AssessmentSummary) => setLoaded((l) => (l ? { ...l, summary } : l)), []);

  const saveResult = useCallback(
    async (row: AssessmentRow, status: ControlStatus, rationale: string) => {
      const k = rowKey(row);
      if (!confirmed.current.has(k)) confirmed.current.set(k, row);
      inFlight.current.set(k, (inFlight.current.get(k) ?? 0) + 1);
      patch({ ...row, status, rationale });
      const settle = () => {
        const left = (inFlight.current.get(k) ?? 1) - 1;
        if (left) inFlight.current.set(k, left);
        else inFlight.current.delete(k);
        return left === 0;
      };
      try {
        const ref = { assessmentId: id, catalogueId: row.catalogueId, controlId: row.controlId };
        // The answer is the control's panel as it is now: cached, so the panel needs no trip.
        const detail = await runWrite(() => call('assessment.setResult', { ...ref, status, rationale }), {
          answers: (d) => [answer('assessment.control', ref, d)],
        });
        const saved = detail.row;
        confirmed.current.set(k, saved);
        if (settle()) patch(saved);
        return saved;
      } catch (e) {
        // Back to what the server last confirmed, once no later change is still on its way.
        if (settle()) patch(confirmed.current.get(k) ?? row);
        throw new Error(messageOf(e), { cause: e });
      }
    },
    [id, patch],
  );

  return { summary: loaded?.summary ?? null, rows: loaded?.rows ?? [], error, adoptRow, setSummary, saveResult };
}
