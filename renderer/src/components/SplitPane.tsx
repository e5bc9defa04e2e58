// Two panes side by side with a handle between them: drag it, or focus it and use the
// arrow keys, to give the side pane more or less room. The side pane's width is kept
// as a share of the whole (so it suits a small and a large window) on this device.
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';

interface Props {
  /** Where the share is remembered (localStorage key). */
  storageKey: string;
  /** The side pane's share of the width at first, 0–1. */
  initialShare: number;
  /** The side pane's width never goes below this (px), nor the main pane's. */
  minPx: number;
  label: string;
  main: ReactNode;
  side: ReactNode;
  className?: string;
}

const read = (key: string, fallback: number) => {
  try {
    const v = Number(window.localStorage.getItem(key));
    return v > 0 && v < 1 ? v : fallback;
  } catch {
    return fallback;
  }
};

export function SplitPane({ storageKey, initialShare, minPx, label, main, side, className }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [share, setShare] = useState(() => read(storageKey, initialShare));
  const [width, setWidth] = useState(0);
  const dragging = useRef(false);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    setWidth(el.clientWidth);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    try {
      window.localStorage.setItem(storageKey, String(share));
    } catch {
      // storage unavailable: the split lasts this session only
    }
  }, [storageKey, share]);

  const total = width || 1000;
  const sidePx = Math.round(Math.max(minPx, Math.min(total - minPx, share * total)));
  const setPx = (px: number) => setShare(Math.max(0.1, Math.min(0.9, Math.max(minPx, Math.min(total - minPx, px)) / total)));

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    dragging.current = true;
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const el = box.current;
    if (!dragging.current || !el) return;
    setPx(el.getBoundingClientRect().right - e.clientX);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 80 : 20;
    if (e.key === 'ArrowLeft') setPx(sidePx + step);
    else if (e.key === 'ArrowRight') setPx(sidePx - step);
    else if (e.key === 'Home') setPx(total - minPx);
    else if (e.key === 'End') setPx(minPx);
    else return;
    e.preventDefault();
  };

  return (
    <div
      ref={box}
      className={`split${className ? ` ${className}` : ''}`}
      style={{ gridTemplateColumns: `minmax(0, 1fr) 10px ${sidePx}px` }}
    >
      <div className="split-main">{main}</div>
      <div
        className="split-handle"
        role="separator"
        aria-orientation="vertical"
        aria-label={label}
        aria-valuemin={minPx}
        aria-valuemax={Math.max(minPx, total - minPx)}
        aria-valuenow={sidePx}
        tabIndex={0}
        title="Drag, or use the arrow keys, to resize"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => (dragging.current = false)}
        onPointerCancel={() => (dragging.current = false)}
        onKeyDown={onKeyDown}
      />
      <div className="split-side">{side}</div>
    </div>
  );
}
