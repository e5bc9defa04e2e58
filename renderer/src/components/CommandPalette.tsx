// Ctrl+K: jump to any screen, assessment, control, finding, vendor or questionnaire by
// typing a few letters. Controls are found by the catalogue search of the assessment in
// view (or the newest one); everything else is matched here (lib/palette-match.ts).
import { useId, useState } from 'react';
import { useQuery } from '../api/query';
import { rankItems, type PaletteItem } from '../lib/palette-match';
import { useAppStore } from '../store';
import type { JumpTarget } from '../store/jump';
import { screens } from '../store/navigation';
import { Dialog } from './Dialog';

interface Item extends PaletteItem {
  target: JumpTarget;
}

export function CommandPalette({ open, onClose }: { open: boolean; onClose(): void }) {
  return (
    <Dialog title="Go to" open={open} onClose={onClose} wide>
      {open ? <PaletteBody onClose={onClose} /> : null}
    </Dialog>
  );
}

function PaletteBody({ onClose }: { onClose(): void }) {
  const id = useId();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const workspaceOpen = useAppStore((s) => s.status.state === 'open');
  const current = useAppStore((s) => s.assessmentId);
  const jumpTo = useAppStore((s) => s.jumpTo);
  const assessments = useQuery('assessment.list', workspaceOpen ? {} : null).data?.assessments ?? [];
  // Assessment and vendor findings: a vendor's opens in Findings across all subjects (store/jump.ts).
  const findings = useQuery('finding.list', workspaceOpen ? { subjects: 'all' } : null).data?.findings ?? [];
  const vendors = useQuery('vendor.list', workspaceOpen ? {} : null).data?.vendors ?? [];
  const questionnaires = useQuery('questionnaire.list', workspaceOpen ? {} : null).data?.questionnaires ?? [];
  const inView = current ?? assessments[0]?.id ?? null;
  const searchText = text.trim();
  const controls =
    useQuery(
      'catalog.search',
      workspaceOpen && inView && searchText.length >= 2 ? { text: searchText, assessmentId: inView, limit: 30 } : null,
    ).data?.hits ?? [];

  const items = (() => {
    const names = new Map(assessments.map((a) => [a.id, a.name]));
    const list: Item[] = [
      ...screens.map((s) => ({
        id: `screen:${s.id}`,
        label: s.label,
        detail: 'Screen',
        target: { kind: 'screen' as const, screen: s.id },
      })),
      ...assessments.map((a) => ({
        id: `asm:${a.id}`,
        label: a.name,
        detail: `Assessment · ${a.client}`,
        target: { kind: 'assessment' as const, assessmentId: a.id },
      })),
      ...findings.map((f) => ({
        id: `fnd:${f.id}`,
        label: `${f.ref} ${f.title}`,
        detail: f.assessmentId ? `Finding · ${names.get(f.assessmentId) ?? ''}` : `Vendor finding · ${f.vendorName ?? ''}`,
        target: { kind: 'finding' as const, assessmentId: f.assessmentId, findingId: f.id },
      })),
      ...vendors.map((v) => ({
        id: `vnd:${v.id}`,
        label: v.name,
        detail: `Vendor · ${v.services}`,
        target: { kind: 'vendor' as const, vendorId: v.id },
      })),
      ...questionnaires.map((q) => ({
        id: `qst:${q.id}`,
        label: `${q.vendorName} ${q.cycle}`,
        detail: `Questionnaire · ${q.templateTitle}`,
        target: { kind: 'questionnaire' as const, vendorId: q.vendorId, questionnaireId: q.id },
      })),
    ];
    const ranked = rankItems(list, text, 40);
    // Controls come ranked by the full-text search itself.
    const controlItems: Item[] =
      inView === null
        ? []
        : controls.map((h) => ({
            id: `ctl:${h.catalogueId}/${h.controlId}`,
            label: `${h.controlId} ${h.title}`,
            detail: `Control · ${names.get(inView) ?? ''}`,
            target: { kind: 'control' as const, assessmentId: inView, catalogueId: h.catalogueId, controlId: h.controlId },
          }));
    return [...ranked, ...controlItems].slice(0, 60);
  })();

  const at = Math.min(active, Math.max(0, items.length - 1));
  const go = (item: Item | undefined) => {
    if (!item) return;
    onClose();
    jumpTo(item.target);
  };
  const optionId = (i: number) => `${id}-opt-${i}`;

  return (
    <div className="palette">
      <input
        className="palette-input"
        role="combobox"
        aria-label="Go to a screen, assessment, control, finding, vendor or questionnaire"
        aria-expanded
        aria-controls={`${id}-list`}
        aria-activedescendant={items.length ? optionId(at) : undefined}
        aria-autocomplete="list"
        placeholder="Type a name, a ref like F-003, or a control id"
        autoFocus
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive(Math.min(items.length - 1, at + 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive(Math.max(0, at - 1));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            go(items[at]);
          }
        }}
      />
      <ul id={`${id}-list`} role="listbox" aria-label="Matches" className="palette-list">
        {items.map((item, i) => (
          <li
            key={item.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === at}
            className={i === at ? 'active' : undefined}
            onMouseMove={() => setActive(i)}
            onClick={() => go(item)}
          >
            <span className="palette-label">{item.label}</span>
            <span className="palette-detail">{item.detail}</span>
          </li>
        ))}
        {items.length === 0 ? <li className="palette-empty">Nothing matches “{text}”.</li> : null}
      </ul>
    </div>
  );
}
