/**
 * Typed access to the few Cesium renderer classes that Cesium exports but leaves out of its
 * public typings (they are marked private). A custom primitive needs them to draw the whole
 * catalog as one point draw call whose positions are interpolated on the GPU; Cesium's public
 * PointPrimitiveCollection re-encodes every point on the CPU whenever a position changes.
 * Pinned to cesium 1.145.0 (package.json); re-check these shapes when upgrading.
 */
import * as Cesium from 'cesium';

export interface GpuBuffer {
  copyFromArrayView(view: ArrayBufferView, offsetInBytes?: number): void;
  destroy(): void;
}

export interface GpuVertexArray {
  destroy(): void;
}

export interface GpuShaderProgram {
  /** Reading it compiles and links the program if that has not happened yet. */
  readonly numberOfVertexAttributes: number;
  destroy(): void;
}

export interface VertexAttribute {
  index: number;
  vertexBuffer: GpuBuffer;
  componentsPerAttribute: number;
  componentDatatype: Cesium.ComponentDatatype;
  normalize?: boolean;
  offsetInBytes?: number;
  strideInBytes?: number;
}

export interface PickId {
  color: Cesium.Color;
  destroy(): void;
}

export interface RenderContext {
  createPickId(object: object): PickId;
}

export interface DrawCommandLike {
  vertexArray: GpuVertexArray;
  count: number;
}

export interface FrameStateLike {
  context: RenderContext;
  commandList: DrawCommandLike[];
  passes: { render: boolean; pick: boolean };
}

interface RendererInternals {
  Buffer: {
    createVertexBuffer(options: {
      context: RenderContext;
      typedArray?: ArrayBufferView;
      sizeInBytes?: number;
      usage: unknown;
    }): GpuBuffer;
  };
  BufferUsage: { STATIC_DRAW: unknown; DYNAMIC_DRAW: unknown };
  VertexArray: new (options: {
    context: RenderContext;
    attributes: VertexAttribute[];
  }) => GpuVertexArray;
  ShaderProgram: {
    fromCache(options: {
      context: RenderContext;
      vertexShaderSource: string;
      fragmentShaderSource: string;
      attributeLocations: Record<string, number>;
    }): GpuShaderProgram;
  };
  RenderState: { fromCache(options: object): unknown };
  DrawCommand: new (options: {
    vertexArray: GpuVertexArray;
    shaderProgram: GpuShaderProgram;
    renderState: unknown;
    uniformMap: Record<string, () => unknown>;
    primitiveType: Cesium.PrimitiveType;
    pass: number;
    count: number;
    boundingVolume: Cesium.BoundingSphere;
    modelMatrix: Cesium.Matrix4;
    owner: object;
    pickId: string;
  }) => DrawCommandLike;
  Pass: { OPAQUE: number };
}

export const renderer = Cesium as unknown as RendererInternals;
