/**
 * Main-thread frame cost (scene update and render, from preUpdate to postRender; and the app's
 * own share of it, before Cesium's update) and seek latency, kept for the benchmark and the
 * diagnostics overlay. Rings of recent frames only.
 */
export class FramePerf {
  private readonly frameMs = new Float64Array(240);
  private readonly ownMs = new Float64Array(240);
  private frames = 0;
  private owns = 0;
  private started = 0;
  /** Seek → the first frame drawn at the new time. */
  readonly seekLatenciesMs: number[] = [];
  /** Seek → the workers' samples for the new time in hand (what a faster GPU would show). */
  readonly seekDataLatenciesMs: number[] = [];
  /** From a catalog's data arriving to its first frame on screen, per load. */
  readonly catalogOnScreenMs: number[] = [];

  frameStart(): void {
    this.started = performance.now();
  }

  /** The app's per-frame work is done (clock, samples, selection, layers). */
  ownWorkEnd(): void {
    if (!this.started) return;
    this.ownMs[this.owns % this.ownMs.length] = performance.now() - this.started;
    this.owns++;
  }

  frameEnd(): void {
    if (!this.started) return;
    this.frameMs[this.frames % this.frameMs.length] = performance.now() - this.started;
    this.frames++;
    this.started = 0;
  }

  seekDone(latencyMs: number): void {
    pushBounded(this.seekLatenciesMs, latencyMs);
  }

  seekDataReady(latencyMs: number): void {
    pushBounded(this.seekDataLatenciesMs, latencyMs);
  }

  /** Recent frame costs, oldest first. */
  recentFrameMs(): number[] {
    return ringValues(this.frameMs, this.frames);
  }

  /** Recent costs of the app's own per-frame work, oldest first. */
  recentOwnMs(): number[] {
    return ringValues(this.ownMs, this.owns);
  }

  get frameCount(): number {
    return this.frames;
  }

  reset(): void {
    this.frames = 0;
    this.owns = 0;
    this.seekLatenciesMs.length = 0;
    this.seekDataLatenciesMs.length = 0;
  }
}

function pushBounded(list: number[], value: number, max = 100): void {
  list.push(value);
  if (list.length > max) list.shift();
}

function ringValues(ring: Float64Array, count: number): number[] {
  const n = Math.min(count, ring.length);
  const out: number[] = [];
  for (let i = count - n; i < count; i++) out.push(ring[i % ring.length]);
  return out;
}
