// A value that follows another once it has rested: the control panel reads the row the
// keyboard stopped on, not every row it passed while scrolling.
import { useEffect, useState } from 'react';

export function useSettled<T>(value: T, restMs: number, same: (a: T, b: T) => boolean = Object.is): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (same(settled, value)) return;
    const timer = setTimeout(() => setSettled(value), restMs);
    return () => clearTimeout(timer);
  }, [value, settled, restMs, same]);
  return settled;
}
