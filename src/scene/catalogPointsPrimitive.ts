import { BoundingSphere, Cartesian3, ComponentDatatype, Matrix4, PrimitiveType } from 'cesium';
import {
  renderer,
  type DrawCommandLike,
  type FrameStateLike,
  type GpuBuffer,
  type GpuShaderProgram,
  type GpuVertexArray,
  type PickId,
} from './cesiumInternals';
import { packSegment, tauAt, type Segment } from './ephemerisStream';
import { SegmentUploadPlan, UPLOAD_PART_BYTES, type UploadStep } from './segmentUploadPlan';

/** Floats per object in a segment: p0, v0, p1, v1 (km, km/s, Earth-fixed) and a valid flag. */
export const SEGMENT_STRIDE = 13;

/**
 * Main-thread time per frame for making pick ids after a load (about 3 µs each): 15,000 a frame
 * made the first frame of 340,000 objects, with its segment upload, the load's longest task.
 */
const PICK_ID_BUDGET_MS = 20;

/** What `scene.pick` returns for a catalog point. */
export interface CatalogPick {
  primitive: CatalogPointsPrimitive;
  /** Index of the object in the loaded catalog. */
  index: number;
}

/** The watched objects' diamond ring (#ffd23f, as the ◆ beside watched names in lists). */
const WATCH_RING_RGB = [0xff, 0xd2, 0x3f].map((c) => (c / 255).toFixed(3)).join(', ');

const vertexShader = /* glsl */ `
in vec3 a_p0;
in vec3 a_v0;
in vec3 a_p1;
in vec3 a_v1;
in float a_valid;
in vec4 a_color;
in vec4 a_pickColor;
in float a_mark;
uniform float u_tau;
uniform float u_dtSec;
uniform float u_pointSize;
out vec4 v_color;
out vec4 v_pickColor;
out float v_mark;
out float v_dotFraction;

void main() {
  v_color = a_color;
  v_pickColor = a_pickColor;
  v_mark = a_mark;
  if (a_valid < 0.5 || a_color.a == 0.0) {
    // Failed, decayed or filtered out: put it outside the clip volume rather than at the origin.
    gl_Position = vec4(0.0, 0.0, 2.0, 1.0);
    gl_PointSize = 0.0;
    return;
  }
  // Cubic Hermite between two SGP4 samples (positions and velocities).
  float t = u_tau;
  float t2 = t * t;
  float t3 = t2 * t;
  vec3 pKm = (2.0 * t3 - 3.0 * t2 + 1.0) * a_p0
    + (t3 - 2.0 * t2 + t) * u_dtSec * a_v0
    + (-2.0 * t3 + 3.0 * t2) * a_p1
    + (t3 - t2) * u_dtSec * a_v1;
  gl_Position = czm_modelViewProjection * vec4(pKm * 1000.0, 1.0);
  // A watched object: its dot inside a larger diamond ring.
  float size = a_mark > 0.5 ? max(4.0 * u_pointSize, 13.0) : u_pointSize;
  gl_PointSize = size;
  v_dotFraction = u_pointSize / size;
}
`;

const fragmentShader = /* glsl */ `
in vec4 v_color;
in vec4 v_pickColor;
in float v_mark;
in float v_dotFraction;

void main() {
  vec2 p = gl_PointCoord - vec2(0.5);
  if (v_mark > 0.5) {
    float l1 = abs(p.x) + abs(p.y);
    if (l1 > 0.5) discard;
    if (l1 > 0.36) {
      out_FragColor = l1 > 0.46 ? vec4(0.1, 0.08, 0.0, 1.0) : vec4(${WATCH_RING_RGB}, 1.0);
      return;
    }
    // The object's own dot at its usual size, nothing between dot and ring.
    p /= v_dotFraction;
  }
  float d = length(p);
  if (d > 0.5) discard;
  // A dark rim keeps points legible over bright land and cloud.
  out_FragColor = d > 0.38 ? vec4(v_color.rgb * 0.2, 1.0) : v_color;
}
`;

const attributeLocations = {
  a_p0: 0,
  a_v0: 1,
  a_p1: 2,
  a_v1: 3,
  a_valid: 4,
  a_color: 5,
  a_pickColor: 6,
  a_mark: 7,
};

/** Objects per part of a segment's upload (see UPLOAD_PART_BYTES). */
const OBJECTS_PER_PART = Math.floor(UPLOAD_PART_BYTES / (SEGMENT_STRIDE * 4));

/**
 * The whole catalog as one draw call. Workers supply SGP4 samples; each frame costs one
 * uniform (the fraction between two samples). A new segment is uploaded into a second buffer,
 * 4 MiB a task (SegmentUploadPlan), while the points keep drawing the first; then they swap.
 */
export class CatalogPointsPrimitive {
  show = true;
  pointSizePx = 3;

  private count = 0;
  private colors: Uint8Array = new Uint8Array(0);
  private colorsDirty = false;
  /** 1 per watched object, 0 otherwise. */
  private marks: Uint8Array = new Uint8Array(0);
  private marksDirty = false;
  private plan = new SegmentUploadPlan<Segment>(0, OBJECTS_PER_PART);
  /** This frame's segments (see setSegments) and clock. */
  private wanted: Segment | null = null;
  private upcoming: Segment | null = null;
  private timeMs = 0;
  /** One part of a segment, packed for upload. */
  private packed = new Float32Array(0);
  /** Objects with no valid state in the back buffer's segment, so far. */
  private backInvalid = 0;
  /** A segment swapped in between frames, with its invalid count: announced when drawn. */
  private swapUndrawn: { segment: Segment; invalid: number } | null = null;
  /** The timer of the next part's task between frames (0: none). */
  private continuation = 0;
  private tau = 0;
  private dtSec = 60;
  private boundingRadiusM = 5e7;

  /** Front and back segment buffers, each with its vertex array; `front` is the drawn one. */
  private segmentBuffers: GpuBuffer[] = [];
  private vertexArrays: GpuVertexArray[] = [];
  private front = 0;
  private colorBuffer: GpuBuffer | null = null;
  private pickBuffer: GpuBuffer | null = null;
  private markBuffer: GpuBuffer | null = null;
  private shaderProgram: GpuShaderProgram | null = null;
  private command: DrawCommandLike | null = null;
  /**
   * A command that draws nothing, put in the first frame: the renderer derives from the points'
   * program the variant it draws with (logarithmic depth) and links it there, before any catalog,
   * instead of in the frame that first draws one (68–155 ms in SwiftShader). Released once drawn.
   */
  private warmUp: { command: DrawCommandLike; drawn: boolean } | null = null;
  private readonly uniformMap = {
    u_tau: () => this.tau,
    u_dtSec: () => this.dtSec,
    u_pointSize: () => this.pointSizePx,
  };
  private pickIds: PickId[] = [];
  /** Objects given a pick id so far (see PICK_IDS_PER_FRAME). */
  private pickIdsMade = 0;
  private destroyed = false;

  /**
   * A segment swapped to the front is drawn for the first time (called in that frame), with how
   * many objects have no valid state in it: for the caller to time loads and seeks.
   */
  onSegmentDrawn: ((segment: Segment, unpropagatedCount: number) => void) | null = null;

  /** Replace the catalog: object count, RGBA per object, and the largest orbit radius. */
  setObjects(count: number, colors: Uint8Array, maxRadiusKm: number): void {
    this.count = count;
    this.colors = colors;
    this.colorsDirty = true;
    this.marks = new Uint8Array(count);
    this.marksDirty = true;
    this.plan = new SegmentUploadPlan<Segment>(count, OBJECTS_PER_PART);
    this.packed = new Float32Array(Math.min(count, OBJECTS_PER_PART) * SEGMENT_STRIDE);
    this.boundingRadiusM = (maxRadiusKm + 1000) * 1000;
    this.releaseGeometry();
  }

  setColors(colors: Uint8Array): void {
    this.colors = colors;
    this.colorsDirty = true;
  }

  /** Which objects are watched (one byte per object, 1: watched); drawn with a ring. */
  setMarks(marks: Uint8Array): void {
    if (marks.length !== this.count) return;
    this.marks = marks;
    this.marksDirty = true;
  }

  /**
   * This frame's segments: the clock's (null while its samples are computed) and the next one in
   * the direction of play (null when paused), with the clock's time. The clock's is drawn once
   * uploaded; until then the one drawn before stays, held at its nearer end (tauAt).
   */
  setSegments(wanted: Segment | null, upcoming: Segment | null, timeMs: number): void {
    this.wanted = wanted;
    this.upcoming = upcoming;
    this.timeMs = timeMs;
  }

  /** The segment drawn (null until the first is uploaded whole). */
  get drawnSegment(): Segment | null {
    return this.plan.front;
  }

  /** True while a segment is being uploaded or one swapped in awaits its frame. */
  get uploadPending(): boolean {
    return this.show && (this.plan.pending || this.swapUndrawn !== null);
  }

  update(frameState: FrameStateLike): void {
    if (!this.shaderProgram) {
      this.shaderProgram = compileProgram(frameState.context);
      this.warmUp = {
        command: this.drawCommand(emptyVertexArray(frameState.context), 0),
        drawn: false,
      };
    }
    this.updateWarmUp(frameState);
    if (!this.show || this.count === 0) return;
    // A part in a frame's update, not again in a pick's update of the same frame.
    const step = frameState.passes.render ? this.plan.next(this.wanted, this.upcoming) : null;
    if (!this.command && !step) return;
    const { context } = frameState;
    // The frame that builds the geometry uploads the first part too: no pick ids in it.
    if (!this.command) this.createGeometry(context);
    else if (this.pickIdsMade < this.count) this.createPickIds(frameState);
    if (step) this.upload(step);
    if (this.colorsDirty) {
      this.colorBuffer!.copyFromArrayView(this.colors);
      this.colorsDirty = false;
    }
    if (this.marksDirty) {
      this.markBuffer!.copyFromArrayView(this.marks);
      this.marksDirty = false;
    }
    if (frameState.passes.render) this.continueSoon();
    const drawn = this.plan.front;
    if (!drawn) return;
    this.tau = tauAt(drawn, this.timeMs);
    this.dtSec = drawn.stepMs / 1000;
    frameState.commandList.push(this.command!);
    if (frameState.passes.render && this.swapUndrawn) {
      this.onSegmentDrawn?.(this.swapUndrawn.segment, this.swapUndrawn.invalid);
      this.swapUndrawn = null;
    }
  }

  private updateWarmUp(frameState: FrameStateLike): void {
    const warmUp = this.warmUp;
    if (!warmUp) return;
    if (warmUp.drawn) {
      warmUp.command.vertexArray.destroy();
      this.warmUp = null;
    } else if (frameState.passes.render) {
      frameState.commandList.push(warmUp.command);
      warmUp.drawn = true;
    }
  }

  /**
   * The next parts go in tasks of their own between frames too, one part each: where frames are
   * slow (software rendering draws 340,000 points at a frame every few seconds) an upload a part
   * per frame would fall behind the clock, and the main thread is free between them.
   */
  private continueSoon(): void {
    if (this.continuation || !this.plan.pending) return;
    this.continuation = window.setTimeout(() => {
      this.continuation = 0;
      if (!this.command || !this.show) return;
      const step = this.plan.next(this.wanted, this.upcoming);
      if (step) this.upload(step);
      this.continueSoon();
    });
  }

  /** One part of a segment into the back buffer; the swap once it is complete. */
  private upload({ segment, from, to, swap }: UploadStep<Segment>): void {
    if (to > from) {
      if (from === 0) this.backInvalid = 0;
      this.backInvalid += packSegment(segment, this.packed, from, to);
      this.segmentBuffers[1 - this.front].copyFromArrayView(
        this.packed.subarray(0, (to - from) * SEGMENT_STRIDE),
        from * SEGMENT_STRIDE * 4,
      );
    }
    if (!swap) return;
    this.front = 1 - this.front;
    this.command!.vertexArray = this.vertexArrays[this.front];
    this.swapUndrawn = { segment, invalid: this.backInvalid };
  }

  private createGeometry(context: FrameStateLike['context']): void {
    const { Buffer, BufferUsage, VertexArray } = renderer;
    this.segmentBuffers = [0, 1].map(() =>
      Buffer.createVertexBuffer({
        context,
        sizeInBytes: this.count * SEGMENT_STRIDE * 4,
        usage: BufferUsage.DYNAMIC_DRAW,
      }),
    );
    this.front = 0;
    this.colorBuffer = Buffer.createVertexBuffer({
      context,
      sizeInBytes: this.count * 4,
      usage: BufferUsage.DYNAMIC_DRAW,
    });
    this.pickBuffer = Buffer.createVertexBuffer({
      context,
      sizeInBytes: this.count * 4,
      usage: BufferUsage.STATIC_DRAW,
    });
    this.markBuffer = Buffer.createVertexBuffer({
      context,
      sizeInBytes: Math.max(4, this.count),
      usage: BufferUsage.DYNAMIC_DRAW,
    });
    this.colorsDirty = true;
    this.marksDirty = true;
    const stride = SEGMENT_STRIDE * 4;
    const vec3At = (segmentBuffer: GpuBuffer, index: number, offsetFloats: number) => ({
      index,
      vertexBuffer: segmentBuffer,
      componentsPerAttribute: 3,
      componentDatatype: ComponentDatatype.FLOAT,
      offsetInBytes: offsetFloats * 4,
      strideInBytes: stride,
    });
    // Colours, pick colours and marks are shared: destroying either array destroys them once.
    this.vertexArrays = this.segmentBuffers.map(
      (segmentBuffer) =>
        new VertexArray({
          context,
          attributes: [
            vec3At(segmentBuffer, attributeLocations.a_p0, 0),
            vec3At(segmentBuffer, attributeLocations.a_v0, 3),
            vec3At(segmentBuffer, attributeLocations.a_p1, 6),
            vec3At(segmentBuffer, attributeLocations.a_v1, 9),
            {
              ...vec3At(segmentBuffer, attributeLocations.a_valid, 12),
              componentsPerAttribute: 1,
            },
            {
              index: attributeLocations.a_color,
              vertexBuffer: this.colorBuffer!,
              componentsPerAttribute: 4,
              componentDatatype: ComponentDatatype.UNSIGNED_BYTE,
              normalize: true,
            },
            {
              index: attributeLocations.a_pickColor,
              vertexBuffer: this.pickBuffer!,
              componentsPerAttribute: 4,
              componentDatatype: ComponentDatatype.UNSIGNED_BYTE,
              normalize: true,
            },
            {
              index: attributeLocations.a_mark,
              vertexBuffer: this.markBuffer!,
              componentsPerAttribute: 1,
              componentDatatype: ComponentDatatype.UNSIGNED_BYTE,
              normalize: true,
            },
          ],
        }),
    );
    this.command = this.drawCommand(this.vertexArrays[this.front], this.count);
  }

  private drawCommand(vertexArray: GpuVertexArray, count: number): DrawCommandLike {
    const { RenderState, DrawCommand, Pass } = renderer;
    return new DrawCommand({
      vertexArray,
      shaderProgram: this.shaderProgram!,
      renderState: RenderState.fromCache({ depthTest: { enabled: true }, depthMask: true }),
      uniformMap: this.uniformMap,
      primitiveType: PrimitiveType.POINTS,
      pass: Pass.OPAQUE,
      count,
      boundingVolume: new BoundingSphere(Cartesian3.ZERO, this.boundingRadiusM),
      modelMatrix: Matrix4.IDENTITY,
      owner: this,
      pickId: 'v_pickColor',
    });
  }

  /** Whether any object is drawn. */
  get hasObjects(): boolean {
    return this.show && this.count > 0;
  }

  /** True while some objects have no pick id yet: frames must keep coming to make them. */
  get pickIdsPending(): boolean {
    return this.show && this.count > 0 && this.pickIdsMade < this.count;
  }

  /**
   * The next pick ids, for PICK_ID_BUDGET_MS: all 340,000 at once held the main thread for a
   * second. An object without one yet is drawn but not pickable (its pick colour is 0, nothing).
   */
  private createPickIds(frameState: FrameStateLike): void {
    const start = this.pickIdsMade;
    const until = performance.now() + PICK_ID_BUDGET_MS;
    const colors: number[] = [];
    let end = start;
    // The clock is read every 500 ids (about 1.5 ms of work).
    while (end < this.count && performance.now() < until) {
      const stop = Math.min(this.count, end + 500);
      for (let index = end; index < stop; index++) {
        const pickId = frameState.context.createPickId({ primitive: this, index } as CatalogPick);
        this.pickIds.push(pickId);
        const c = pickId.color;
        colors.push(c.red * 255, c.green * 255, c.blue * 255, c.alpha * 255);
      }
      end = stop;
    }
    // Pick colours are multiples of 1/255: rounded back to their bytes.
    const bytes = Uint8Array.from(colors, Math.round);
    this.pickBuffer!.copyFromArrayView(bytes, start * 4);
    this.pickIdsMade = end;
  }

  private releaseGeometry(): void {
    // Destroying the vertex arrays destroys the buffers they hold.
    for (const vertexArray of this.vertexArrays) vertexArray.destroy();
    clearTimeout(this.continuation);
    this.continuation = 0;
    this.swapUndrawn = null;
    for (const id of this.pickIds) id.destroy();
    this.pickIds = [];
    this.pickIdsMade = 0;
    this.vertexArrays = [];
    this.segmentBuffers = [];
    this.colorBuffer = null;
    this.pickBuffer = null;
    this.markBuffer = null;
    this.command = null;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.releaseGeometry();
    this.warmUp?.command.vertexArray.destroy();
    this.warmUp = null;
    this.shaderProgram?.destroy();
    this.shaderProgram = null;
    this.destroyed = true;
  }
}

/**
 * The points' program, compiled and linked now: in the first frame, before any catalog has
 * arrived, rather than in the frame that first draws one (SwiftShader took 0.5–0.7 s to link it
 * there, and a program released with its catalog was linked again for the next one). Kept for
 * the primitive's life.
 */
/** A vertex array with no attributes: the warm-up command draws no vertex from it. */
function emptyVertexArray(context: FrameStateLike['context']): GpuVertexArray {
  return new renderer.VertexArray({ context, attributes: [] });
}

function compileProgram(context: FrameStateLike['context']): GpuShaderProgram {
  const program = renderer.ShaderProgram.fromCache({
    context,
    vertexShaderSource: vertexShader,
    fragmentShaderSource: fragmentShader,
    attributeLocations,
  });
  void program.numberOfVertexAttributes;
  return program;
}
