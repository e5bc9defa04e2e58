// Line icons drawn inline (no icon font, no remote assets: the CSP allows only 'self').
import type { ScreenId } from '../store/navigation';

const paths: Record<ScreenId, string> = {
  home: 'M3 10.5 12 3l9 7.5V20a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z',
  dashboard: 'M4 20V10m6 10V4m6 16v-7m4 7H3',
  assessments: 'M9 5h10M9 12h10M9 19h10M4 5l1 1 2-2M4 12l1 1 2-2M4 19l1 1 2-2',
  findings: 'M12 3 2 20h20zM12 10v4m0 3v.5',
  catalogues: 'M4 4.5h6a2 2 0 0 1 2 2V20a2 2 0 0 0-2-2H4zM20 4.5h-6a2 2 0 0 0-2 2V20a2 2 0 0 1 2-2h6z',
  vendors: 'M3 21V8l6-4v17m0 0h12V10l-6-3v14M12 12h.01M16 14h.01',
  questionnaires: 'M6 3h9l4 4v14H6zM14 3v5h5M9 12h6M9 16h4',
  checks: 'M12 3l8 3v6c0 4.5-3.4 8.2-8 9-4.6-.8-8-4.5-8-9V6zM8.5 12l2.5 2.5 4.5-5',
  reports: 'M7 3h7l5 5v13H7zM13 3v6h6M10 17l2-2 2 1.5 3-3.5',
  audit: 'M4 6h16M4 12h16M4 18h10M18 16v4m-2-2h4',
  settings:
    'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm7.4-3a7.4 7.4 0 0 0-.1-1.3l2-1.6-2-3.4-2.4 1a7.5 7.5 0 0 0-2.2-1.3L14.3 3h-4l-.4 2.4a7.5 7.5 0 0 0-2.2 1.3l-2.4-1-2 3.4 2 1.6a7.4 7.4 0 0 0 0 2.6l-2 1.6 2 3.4 2.4-1a7.5 7.5 0 0 0 2.2 1.3l.4 2.4h4l.4-2.4a7.5 7.5 0 0 0 2.2-1.3l2.4 1 2-3.4-2-1.6c.1-.4.1-.9.1-1.3z',
};

export function Icon({ name }: { name: ScreenId }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
