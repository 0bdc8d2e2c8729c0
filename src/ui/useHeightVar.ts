import { useEffect, type RefObject } from 'react';

/**
 * Publish an element's height as a CSS custom property on the document (`--name: 123px`), for a
 * layout that must end where the element begins. Updated on resize only, never per frame.
 */
export function useHeightVar(ref: RefObject<HTMLElement | null>, name: `--${string}`): void {
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement.style;
    const observer = new ResizeObserver(() => root.setProperty(name, `${element.offsetHeight}px`));
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.removeProperty(name);
    };
  }, [ref, name]);
}
