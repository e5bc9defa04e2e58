// Where the table is in a spreadsheet: the sheet and the row that names the columns. The
// core finds both; this shows what it found and lets the user pick others from the first
// rows of the sheet.
import { useId } from 'react';

export interface Layout {
  sheet?: string;
  headerRow?: number;
}

const rowLabel = (r: { row: number; cells: string[] }) => {
  const text = r.cells.filter((c) => c.trim()).join(' | ');
  return `Row ${r.row}: ${text.length > 80 ? `${text.slice(0, 80)}…` : text}`;
};

export function SheetChooser({
  sheet,
  sheets,
  headerRow,
  topRows,
  encoding,
  warnings,
  onLayout,
}: {
  sheet: string | null;
  sheets: { name: string; hidden: boolean }[];
  headerRow: number;
  topRows: { row: number; cells: string[] }[];
  encoding?: string | undefined;
  warnings: string[];
  onLayout(layout: Layout): void;
}) {
  const ids = useId();
  return (
    <div className="sheet-chooser" data-testid="sheet-chooser">
      {sheet !== null && sheets.length > 1 ? (
        <div className="field">
          <label htmlFor={`${ids}-sheet`}>Sheet</label>
          <select id={`${ids}-sheet`} value={sheet} onChange={(e) => onLayout({ sheet: e.target.value })} data-testid="import-sheet">
            {sheets.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
                {s.hidden ? ' (hidden)' : ''}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${ids}-header`}>Row that names the columns</label>
        <select
          id={`${ids}-header`}
          value={headerRow}
          onChange={(e) => onLayout({ ...(sheet !== null ? { sheet } : {}), headerRow: Number(e.target.value) })}
          data-testid="import-header-row"
        >
          {topRows.map((r) => (
            <option key={r.row} value={r.row}>
              {rowLabel(r)}
            </option>
          ))}
        </select>
        {encoding ? <div className="field-hint">Read as {encoding}.</div> : null}
      </div>
      {warnings.map((w) => (
        <p key={w} className="field-hint" role="status">
          {w}
        </p>
      ))}
    </div>
  );
}
