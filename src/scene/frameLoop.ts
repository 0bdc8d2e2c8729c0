/** What the loop drives: Cesium's widget, reduced to the calls a frame makes. */
export interface FrameTarget {
  resize(): void;
  render(): void;
  readonly scene: { readonly screenSpaceCameraController: { enableInputs: boolean } };
}

/** Frames in a row that throw before the fault counts as lasting and the view stops. */
export const LASTING_FAILURE_FRAMES = 30;

/**
 * Drives the globe's frames in place of Cesium's own loop, which stops for good, and silently,
 * when anything outside the scene's own guards throws: its camera controller does on some
 * gestures (a pinch centred on the canvas centre asks it to rotate about a zero axis). A frame
 * that throws is skipped with the camera input it was handling; the next one runs as usual.
 * Only a fault that recurs frame after frame stops the view, through `stopped`.
 */
export class FrameLoop {
  private rafId = 0;
  private failuresInARow = 0;
  private running = false;

  constructor(
    private readonly target: FrameTarget,
    private readonly hooks: { beforeFrame(): void; stopped(error: unknown): void },
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.rafId = requestAnimationFrame(this.frame);
  }

  stop(): void {
    this.running = false;
    cancelAnimationFrame(this.rafId);
  }

  private readonly frame = (): void => {
    if (!this.running) return;
    this.hooks.beforeFrame();
    const controller = this.target.scene.screenSpaceCameraController;
    try {
      this.target.resize();
      this.target.render();
      if (this.failuresInARow > 0) {
        this.failuresInARow = 0;
        controller.enableInputs = true;
      }
    } catch (error) {
      console.error('frame error', error);
      // The controller keeps a gesture's movement until a frame completes: with inputs off for
      // one frame it completes and lets the movement go, rather than failing on it again.
      controller.enableInputs = false;
      if (++this.failuresInARow >= LASTING_FAILURE_FRAMES) {
        this.running = false;
        this.hooks.stopped(error);
        return;
      }
    }
    this.rafId = requestAnimationFrame(this.frame);
  };
}
