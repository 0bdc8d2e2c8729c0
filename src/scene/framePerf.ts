/**
 * Main-thread frame cost (scene update and render, from preUpdate to postRender) and seek
 * latency, kept for the benchmark and the diagnostics overlay. A ring of recent frames only.
 */
export class FramePerf {
  private readonly frameMs = new Float64Array(240);
  private frames = 0;
  private started = 0;
  readonly seekLatenciesMs: number[] = [];
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
    this.seekLatenciesMs.push(latencyMs);
    if (this.seekLatenciesMs.length > 100) this.seekLatenciesMs.shift();
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
  }
}
