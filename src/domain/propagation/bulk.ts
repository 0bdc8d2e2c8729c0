// Batch SGP4 in satellite.js's WASM propagator, for whole catalogs: the records live in WASM
// memory, so a worker holds no JavaScript satrec per object (each is ~100 boxed numbers that the
// garbage collector copies and traces), and SGP4 runs about 2.5× faster than `propagate`.
import {
  BulkPropagator,
  constants,
  createSingleThreadRuntime,
  EciBaseCalculator,
  type SatRec,
} from 'satellite.js';
import { jdFromMs } from '../time/julian';
import { belowReentry } from './sgp4';
import { PropagationStatus } from './types';

export type BulkRuntime = Awaited<ReturnType<typeof createSingleThreadRuntime>>;
type Module = BulkRuntime['module'];

let runtimeStart: Promise<BulkRuntime | null> | null = null;

/** This thread's WASM runtime, started once; null where WebAssembly cannot start. */
export function bulkRuntime(): Promise<BulkRuntime | null> {
  return (runtimeStart ??= createSingleThreadRuntime().catch(() => null));
}

/**
 * BulkPropagator's own `setSatRecs` copies each record field by field through a generic writer
 * (~20 µs an object, as long as starting SGP4 for it). Ours writes the same bytes from the
 * record's values in property order. It needs the propagator's record and date arrays, which
 * satellite.js keeps private: `BulkSgp4.create` checks the bytes against `setSatRecs` first and
 * declines (null) when they differ, so a changed satellite.js falls back to plain SGP4.
 */
interface PropagatorInternals {
  satrecsPointer: number;
  datesPointer: number;
}

const KIND_SKIP = 0;
const KIND_DOUBLE = 1;
const KIND_INT = 2;
const KIND_CHAR = 3;
const KIND_STRING = 4;

/** How a record's values, in property order, map onto the native struct. */
interface StructPlan {
  size: number;
  keys: string[];
  kind: Uint8Array;
  /** Byte offset in the struct and size (strings) per property. */
  offset: Int32Array;
  length: Int32Array;
  /** Property index of `no`, which also fills `no_unkozai`, and that field's offset. */
  noIndex: number;
  noUnkozaiOffset: number;
  /** Struct fields filled from satellite.js's constants: byte offset and value. */
  fixedOffset: Int32Array;
  fixedValue: Float64Array;
}

function structPlan(module: Module, reference: SatRec): StructPlan {
  const pointer = module._create_elsetrec_struct_layout_string_pointer();
  const layout = JSON.parse(module.UTF8ToString(pointer)) as [string, string, number, number][];
  module._free_struct_layout_string(pointer);
  const fields = new Map(
    layout.map(([name, type, offset, size]) => [name, { type, offset, size }]),
  );
  const known = constants as unknown as Record<string, number>;
  const fixed: [number, number][] = [];
  for (const [name, , offset] of layout) {
    if (Object.hasOwn(known, name)) fixed.push([offset, known[name]]);
    if (name === 'radiusearthkm') fixed.push([offset, constants.earthRadius]);
  }
  const keys = Object.keys(reference);
  const kind = new Uint8Array(keys.length);
  const offset = new Int32Array(keys.length);
  const length = new Int32Array(keys.length);
  const kinds: Record<string, number> = {
    double: KIND_DOUBLE,
    int: KIND_INT,
    char: KIND_CHAR,
    'char[]': KIND_STRING,
  };
  keys.forEach((key, k) => {
    const field = fields.get(key);
    if (!field) return;
    kind[k] = kinds[field.type] ?? KIND_SKIP;
    offset[k] = field.offset;
    length[k] = field.size;
  });
  return {
    size: module._get_elsetrec_size(),
    keys,
    kind,
    offset,
    length,
    noIndex: keys.indexOf('no'),
    noUnkozaiOffset: fields.get('no_unkozai')?.offset ?? -1,
    fixedOffset: Int32Array.from(fixed, ([o]) => o),
    fixedValue: Float64Array.from(fixed, ([, v]) => v),
  };
}

/** An Int32 view of WASM memory, made again when the memory grows (a new buffer). */
let i32View: Int32Array<ArrayBufferLike> = new Int32Array(0);

function writeRecord(module: Module, plan: StructPlan, satrec: SatRec, at: number): void {
  const f64 = module.HEAPF64;
  const i8 = module.HEAP8;
  if (i32View.buffer !== i8.buffer) i32View = new Int32Array(i8.buffer);
  const i32 = i32View;
  const { kind, offset, length, fixedOffset, fixedValue } = plan;
  for (let k = 0; k < fixedOffset.length; k++) f64[(at + fixedOffset[k]) >> 3] = fixedValue[k];
  const values = Object.values(satrec) as unknown[];
  // Records of one shape list their values in one order; any other is written by name.
  const sameShape =
    values.length === kind.length &&
    values[plan.noIndex] === satrec.no &&
    values[values.length - 1] ===
      (satrec as unknown as Record<string, unknown>)[plan.keys[kind.length - 1]];
  const record = satrec as unknown as Record<string, unknown>;
  for (let k = 0; k < kind.length; k++) {
    const v = sameShape ? values[k] : record[plan.keys[k]];
    const o = at + offset[k];
    switch (kind[k]) {
      case KIND_DOUBLE:
        if (typeof v === 'number') f64[o >> 3] = v;
        break;
      case KIND_INT:
        if (typeof v === 'number') i32[o >> 2] = v;
        break;
      case KIND_CHAR:
        if (typeof v === 'string') i8[o] = v.charCodeAt(0) || 0;
        break;
      case KIND_STRING:
        if (typeof v === 'string') {
          for (let c = 0; c < length[k] - 1; c++) i8[o + c] = c < v.length ? v.charCodeAt(c) : 0;
          i8[o + length[k] - 1] = 0;
        }
        break;
    }
  }
  if (plan.noUnkozaiOffset >= 0) f64[(at + plan.noUnkozaiOffset) >> 3] = satrec.no;
}

/** TEME states of every record at the instants of the last `run`, satellite-major. */
export interface BulkOutput {
  /** [x, y, z] (km) of record i at instant s at 3·(i·count + s). */
  position: Float64Array;
  velocity: Float64Array;
  /** Per (i·count + s): 0, or why the state is unusable (see stateStatus). */
  status: Uint8Array;
}

/**
 * A fixed set of SGP4 records in WASM memory: `add` each (the JS record may then be dropped),
 * `seal`, then `run` at any instants. `dispose` frees the WASM memory.
 */
export class BulkSgp4 {
  private added = 0;
  private sealed = false;
  private statusBuffer = new Uint8Array(0);

  private constructor(
    private readonly module: Module,
    private readonly propagator: BulkPropagator<readonly [EciBaseCalculator], BulkRuntime>,
    private readonly plan: StructPlan,
    readonly capacity: number,
  ) {}

  /**
   * Room for `capacity` records, or null when this satellite.js's record layout is not the one
   * our writer produces (checked on `reference`, any started record).
   */
  static create(runtime: BulkRuntime, capacity: number, reference: SatRec): BulkSgp4 | null {
    const propagator = new BulkPropagator({
      runtime,
      calculators: [new EciBaseCalculator()] as const,
      satRecsCount: Math.max(1, capacity),
      datesCount: 1,
    });
    try {
      const module = runtime.module;
      const plan = structPlan(module, reference);
      const internals = propagator as unknown as PropagatorInternals;
      const at = internals.satrecsPointer;
      if (typeof at !== 'number' || typeof internals.datesPointer !== 'number') {
        throw new Error('no record array');
      }
      propagator.setSatRecs([reference]);
      const theirs = module.HEAP8.slice(at, at + plan.size);
      module.HEAP8.fill(0, at, at + plan.size);
      writeRecord(module, plan, reference, at);
      const ours = module.HEAP8.subarray(at, at + plan.size);
      if (!theirs.every((b, i) => b === ours[i])) throw new Error('record layout differs');
      return new BulkSgp4(module, propagator, plan, capacity);
    } catch {
      propagator.dispose();
      return null;
    }
  }

  get count(): number {
    return this.added;
  }

  add(satrec: SatRec): void {
    if (this.sealed || this.added >= this.capacity) throw new RangeError('BulkSgp4 is full');
    const base = (this.propagator as unknown as PropagatorInternals).satrecsPointer;
    writeRecord(this.module, this.plan, satrec, base + this.added * this.plan.size);
    this.added++;
  }

  /** No more records: the propagator runs over those added. */
  seal(): void {
    // A holey array: setSatRecs's forEach visits no element, so it only takes the count.
    this.propagator.setSatRecs(new Array<SatRec>(this.added));
    this.sealed = true;
  }

  /**
   * Propagate every record at each instant (UTC ms, fractions kept: the Julian dates are written
   * from the ms themselves, not from Date objects, which drop them).
   */
  run(timesMs: ArrayLike<number>): BulkOutput {
    if (!this.sealed) throw new Error('BulkSgp4.run before seal');
    const count = timesMs.length;
    const dates: Date[] = [];
    for (let s = 0; s < count; s++) dates.push(new Date(Math.trunc(timesMs[s])));
    this.propagator.setDates(dates);
    const datesAt = (this.propagator as unknown as PropagatorInternals).datesPointer >> 3;
    for (let s = 0; s < count; s++) this.module.HEAPF64[datesAt + s] = jdFromMs(timesMs[s]);
    this.propagator.run({ eci: { communityDecayCheckEnabled: true } });
    const { position, velocity, error } = this.propagator.getRawOutput().eci;
    const total = this.added * count;
    if (this.statusBuffer.length < total) this.statusBuffer = new Uint8Array(total);
    const status = this.statusBuffer.subarray(0, total);
    for (let q = 0; q < total; q++) {
      status[q] = stateStatus(error[q], position, velocity, 3 * q);
    }
    return { position, velocity, status };
  }

  dispose(): void {
    this.propagator.dispose();
  }
}

/** propagateTeme's checks on a WASM state: SGP4's error, non-finite, or below reentry. */
function stateStatus(
  error: number,
  position: Float64Array,
  velocity: Float64Array,
  o: number,
): number {
  // The C++ SGP4 (with the community decay check) names some failures differently from the
  // JavaScript one (a decay where the latter sees an eccentricity or drag error first); every
  // failure is a failure, and its code only words a flag.
  if (error !== 0) return error;
  const z = position[o + 2];
  const r2 = position[o] ** 2 + position[o + 1] ** 2 + z * z;
  if (!Number.isFinite(r2 + velocity[o] + velocity[o + 1] + velocity[o + 2])) {
    return PropagationStatus.NonFinite;
  }
  return belowReentry(z, r2) ? PropagationStatus.Reentered : PropagationStatus.Ok;
}
