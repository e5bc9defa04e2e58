// Assessed out of total as a bar and as numbers (the numbers carry the meaning; the bar helps the eye).
export function ProgressBar({ assessed, total, compact }: { assessed: number; total: number; compact?: boolean }) {
  const percent = total ? Math.floor((assessed / total) * 100) : 0;
  // One control of thousands is progress too: never show it as 0%.
  const shown = assessed > 0 && percent === 0 ? '<1' : String(percent);
  return (
    <span className={`asm-progress${compact ? ' compact' : ''}`}>
      <span className="asm-progress-track" aria-hidden="true">
        <span className="asm-progress-fill" style={{ width: `${percent}%` }} />
      </span>
      <span className="asm-progress-text">
        {assessed.toLocaleString()} of {total.toLocaleString()} assessed ({shown}%)
      </span>
    </span>
  );
}
