/** What the scene knows before a frame, to tell whether the frame would draw anything new. */
export interface FrameNeeds {
  /** A store or a layer changed since the last frame. */
  dirty: boolean;
  /** GPU work that only a frame does: pick ids still to make, a segment still to upload. */
  gpuWorkPending: boolean;
  playing: boolean;
  /** Anything drawn moves with the clock: catalog objects, an event's encounter, the full sky. */
  drawsTime: boolean;
}

/**
 * Whether to request a frame (the globe renders on request). A playing clock redraws only what
 * moves with it: an empty globe is not redrawn every frame, which in software WebGL held a core
 * while a catalog loaded.
 */
export function needsFrame(n: FrameNeeds): boolean {
  return n.dirty || n.gpuWorkPending || (n.playing && n.drawsTime);
}
