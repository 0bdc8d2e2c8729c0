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

/**
 * The whole catalog as one draw call. Workers supply SGP4 samples; each frame costs one
 * uniform (the fraction between two samples). A new segment is one buffer upload.
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
  private segment: Float32Array | null = null;
  private segmentDirty = false;
  private tau = 0;
  private dtSec = 60;
  private boundingRadiusM = 5e7;

  private segmentBuffer: GpuBuffer | null = null;
  private colorBuffer: GpuBuffer | null = null;
  private pickBuffer: GpuBuffer | null = null;
  private markBuffer: GpuBuffer | null = null;
  private vertexArray: GpuVertexArray | null = null;
  private shaderProgram: GpuShaderProgram | null = null;
  private command: DrawCommandLike | null = null;
  private pickIds: PickId[] = [];
  /** Objects given a pick id so far (see PICK_IDS_PER_FRAME). */
  private pickIdsMade = 0;
  private destroyed = false;

  /** Replace the catalog: object count, RGBA per object, and the largest orbit radius. */
  setObjects(count: number, colors: Uint8Array, maxRadiusKm: number): void {
    this.count = count;
    this.colors = colors;
    this.colorsDirty = true;
    this.marks = new Uint8Array(count);
    this.marksDirty = true;
    this.segment = null;
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

  /** A segment of SEGMENT_STRIDE floats per object, spanning dtSec. */
  setSegment(segment: Float32Array, dtSec: number): void {
    this.segment = segment;
    this.dtSec = dtSec;
    this.segmentDirty = true;
  }

  setTau(tau: number): void {
    this.tau = tau;
  }

  update(frameState: FrameStateLike): void {
    if (!this.show || this.count === 0 || !this.segment) return;
    const { context } = frameState;
    // The frame that builds the geometry uploads its first segment too: no pick ids in it.
    if (!this.vertexArray) this.createGeometry(context);
    else if (this.pickIdsMade < this.count) this.createPickIds(frameState);
    if (this.segmentDirty) {
      this.segmentBuffer!.copyFromArrayView(this.segment);
      this.segmentDirty = false;
    }
    if (this.colorsDirty) {
      this.colorBuffer!.copyFromArrayView(this.colors);
      this.colorsDirty = false;
    }
    if (this.marksDirty) {
      this.markBuffer!.copyFromArrayView(this.marks);
      this.marksDirty = false;
    }
    frameState.commandList.push(this.command!);
  }

  private createGeometry(context: FrameStateLike['context']): void {
    const { Buffer, BufferUsage, VertexArray, ShaderProgram, RenderState, DrawCommand, Pass } =
      renderer;
    this.segmentBuffer = Buffer.createVertexBuffer({
      context,
      sizeInBytes: this.count * SEGMENT_STRIDE * 4,
      usage: BufferUsage.DYNAMIC_DRAW,
    });
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
    this.segmentDirty = true;
    const stride = SEGMENT_STRIDE * 4;
    const vec3At = (index: number, offsetFloats: number) => ({
      index,
      vertexBuffer: this.segmentBuffer!,
      componentsPerAttribute: 3,
      componentDatatype: ComponentDatatype.FLOAT,
      offsetInBytes: offsetFloats * 4,
      strideInBytes: stride,
    });
    this.vertexArray = new VertexArray({
      context,
      attributes: [
        vec3At(attributeLocations.a_p0, 0),
        vec3At(attributeLocations.a_v0, 3),
        vec3At(attributeLocations.a_p1, 6),
        vec3At(attributeLocations.a_v1, 9),
        {
          ...vec3At(attributeLocations.a_valid, 12),
          componentsPerAttribute: 1,
        },
        {
          index: attributeLocations.a_color,
          vertexBuffer: this.colorBuffer,
          componentsPerAttribute: 4,
          componentDatatype: ComponentDatatype.UNSIGNED_BYTE,
          normalize: true,
        },
        {
          index: attributeLocations.a_pickColor,
          vertexBuffer: this.pickBuffer,
          componentsPerAttribute: 4,
          componentDatatype: ComponentDatatype.UNSIGNED_BYTE,
          normalize: true,
        },
        {
          index: attributeLocations.a_mark,
          vertexBuffer: this.markBuffer,
          componentsPerAttribute: 1,
          componentDatatype: ComponentDatatype.UNSIGNED_BYTE,
          normalize: true,
        },
      ],
    });
    this.shaderProgram = ShaderProgram.fromCache({
      context,
      vertexShaderSource: vertexShader,
      fragmentShaderSource: fragmentShader,
      attributeLocations,
    });
    this.command = new DrawCommand({
      vertexArray: this.vertexArray,
      shaderProgram: this.shaderProgram,
      renderState: RenderState.fromCache({ depthTest: { enabled: true }, depthMask: true }),
      uniformMap: {
        u_tau: () => this.tau,
        u_dtSec: () => this.dtSec,
        u_pointSize: () => this.pointSizePx,
      },
      primitiveType: PrimitiveType.POINTS,
      pass: Pass.OPAQUE,
      count: this.count,
      boundingVolume: new BoundingSphere(Cartesian3.ZERO, this.boundingRadiusM),
      modelMatrix: Matrix4.IDENTITY,
      owner: this,
      pickId: 'v_pickColor',
    });
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
    // Destroying the vertex array destroys the buffers it owns.
    this.vertexArray?.destroy();
    this.shaderProgram?.destroy();
    for (const id of this.pickIds) id.destroy();
    this.pickIds = [];
    this.pickIdsMade = 0;
    this.vertexArray = null;
    this.segmentBuffer = null;
    this.colorBuffer = null;
    this.pickBuffer = null;
    this.markBuffer = null;
    this.shaderProgram = null;
    this.command = null;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.releaseGeometry();
    this.destroyed = true;
  }
}
