/** How long a camera flight takes: none (a jump) for readers who ask for reduced motion. */
export function flightSeconds(seconds = 1.5): number {
  const reduce =
    typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  return reduce ? 0 : seconds;
}
