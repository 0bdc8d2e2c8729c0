import { useSyncExternalStore } from 'react';

/**
 * Which layout fits the window. Phones (and a laptop at 200 % zoom, 640 CSS px wide) get the
 * globe and one sheet at a time; tablets the same with side sheets; wider screens the desktop.
 */
export type LayoutSize = 'phone' | 'tablet' | 'desktop';

const PHONE = '(max-width: 699px), (max-height: 499px)';
const TABLET = '(max-width: 1099px)';

function current(): LayoutSize {
  if (matchMedia(PHONE).matches) return 'phone';
  return matchMedia(TABLET).matches ? 'tablet' : 'desktop';
}

function subscribe(onChange: () => void): () => void {
  const queries = [matchMedia(PHONE), matchMedia(TABLET)];
  for (const q of queries) q.addEventListener('change', onChange);
  return () => {
    for (const q of queries) q.removeEventListener('change', onChange);
  };
}

export function useLayoutSize(): LayoutSize {
  return useSyncExternalStore(subscribe, current);
}
