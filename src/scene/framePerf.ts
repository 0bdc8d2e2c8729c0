/**
 * Main-thread frame cost (scene update and render, from preUpdate to postRender) and seek
 * latency, kept for the benchmark and the diagnostics overlay. A ring of recent frames only.
 */
export class FramePerf {
  private readonly frameMs = new Float64Array(240);
  private frames = 0;
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
    const n = Math.min(this.frames, this.frameMs.length);
    const out: number[] = [];
    for (let i = this.frames - n; i < this.frames; i++)
      out.push(this.frameMs[i % this.frameMs.length]);
    return out;
  }

  get frameCount(): number {
    return this.frames;
  }

  reset(): void {
    this.frames = 0;
    this.seekLatenciesMs.length = 0;
    this.seekDataLatenciesMs.length = 0;
  }
}

function pushBounded(list: number[], value: number, max = 100): void {
  list.push(value);
  if (list.length > max) list.shift();
}
