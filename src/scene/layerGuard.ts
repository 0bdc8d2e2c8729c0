import { PrimitiveCollection } from 'cesium';
import { errorMessage, useSceneFaultStore, type SceneLayerName } from '../state/sceneFaultStore';

/** Cesium's frame state, passed through untouched. */
type FrameState = unknown;

/** The per-frame calls a collection has, which Cesium's typings leave out (cesium 1.145.0). */
interface Updatable {
  update(frameState: FrameState): void;
  prePassesUpdate(frameState: FrameState): void;
  postPassesUpdate(frameState: FrameState): void;
}

/**
 * The primitives of one layer, or of one item of a layer, under a guard: an exception from
 * their update (geometry, buffers, shaders) or from the layer's own per-frame code run through
 * `run` hides them for good and is reported by name. The rest of the scene keeps drawing, and
 * a fault cannot repeat frame after frame because the faulted item is no longer updated.
 */
export class GuardedCollection {
  readonly primitives = new PrimitiveCollection();
  private readonly inner = this.primitives as unknown as Updatable;
  show = true;
  private faulted = false;
  private destroyed = false;

  constructor(
    private readonly layer: SceneLayerName,
    private item: string,
    private readonly onFault?: () => void,
  ) {}

  /** Draw again, for a new item (a new selection, a new catalog): its own fault is its own. */
  rearm(item: string): void {
    this.item = item;
    this.faulted = false;
    this.primitives.show = true;
  }

  get hasFaulted(): boolean {
    return this.faulted;
  }

  /** Run `fn` unless the item has faulted; an exception from it is this item's fault. */
  run(fn: () => void): void {
    if (this.faulted) return;
    try {
      fn();
    } catch (error) {
      this.fault(error);
    }
  }

  fault(error: unknown): void {
    if (this.faulted) return;
    this.faulted = true;
    this.primitives.show = false;
    console.error(`scene: ${this.layer}: ${this.item} dropped`, error);
    useSceneFaultStore
      .getState()
      .report({ layer: this.layer, item: this.item, message: errorMessage(error) });
    this.onFault?.();
  }

  update(frameState: FrameState): void {
    if (this.show) this.run(() => this.inner.update(frameState));
  }

  prePassesUpdate(frameState: FrameState): void {
    if (this.show) this.run(() => this.inner.prePassesUpdate(frameState));
  }

  postPassesUpdate(frameState: FrameState): void {
    if (this.show) this.run(() => this.inner.postPassesUpdate(frameState));
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.destroyed = true;
    this.primitives.destroy();
  }
}
