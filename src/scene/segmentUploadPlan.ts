/**
 * Which part of which segment to upload next. The points draw from a front buffer while the next
 * segment is written into a back buffer a bounded number of objects per main-thread task (a
 * frame, or a task between frames); the two swap once the back is complete. One upload of
 * 340,000 objects' segment (17.7 MB) held the main thread for a whole frame. Pure: the GPU side
 * is the caller's.
 */

/** Segment bytes written per task: 340,000 objects in 5 parts, the 26,834 snapshot in one. */
export const UPLOAD_PART_BYTES = 4 * 1024 * 1024;

/** A segment as the plan tells them apart: by its two sample arrays. */
export interface SamplePair {
  s0: object;
  s1: object;
}

export function sameSamples(a: SamplePair | null, b: SamplePair | null): boolean {
  return a !== null && b !== null && a.s0 === b.s0 && a.s1 === b.s1;
}

/** One task's work on the back buffer. */
export interface UploadStep<S> {
  segment: S;
  /** Objects [from, to) to write into the back buffer at object `from`; none when equal. */
  from: number;
  to: number;
  /** The back buffer is complete and is the one to draw: swap it to the front after writing. */
  swap: boolean;
}

export class SegmentUploadPlan<S extends SamplePair> {
  private frontSegment: S | null = null;
  /** `wanted`: the clock's segment (drawn once complete), not one uploaded ahead of it. */
  private back: { segment: S; written: number; wanted: boolean } | null = null;
  private writing = false;

  constructor(
    private readonly objectCount: number,
    private readonly objectsPerPart: number,
  ) {}

  /** The segment in the front buffer, complete (null until the first one is). */
  get front(): S | null {
    return this.frontSegment;
  }

  /** A back buffer is being written: more steps are needed to finish it. */
  get pending(): boolean {
    return this.writing;
  }

  /**
   * The next step, or null. `wanted` is the clock's segment (null while its samples are
   * computed), `upcoming` the next one in the direction of play: uploaded ahead, it waits complete
   * in the back buffer and playback swaps to it without a wait. A back buffer holding anything
   * else is started again, except one for an earlier wanted segment that is over half written:
   * it is finished and drawn first, or a clock that moves on faster than an upload takes (a fast
   * replay) would never see one. With nothing wanted or upcoming the back buffer is kept as it is.
   */
  next(wanted: S | null, upcoming: S | null): UploadStep<S> | null {
    const wantsNew = wanted !== null && !sameSamples(wanted, this.frontSegment);
    const target = wantsNew ? wanted : sameSamples(upcoming, this.frontSegment) ? null : upcoming;
    this.writing = false;
    if (target === null) return null;
    let back = this.back;
    if (back && sameSamples(back.segment, target)) back.wanted = wantsNew;
    else if (!back || !(wantsNew && back.wanted && back.written * 2 >= this.objectCount)) {
      back = this.back = { segment: target, written: 0, wanted: wantsNew };
    }
    const { segment, written: from } = back;
    const to = Math.min(this.objectCount, from + this.objectsPerPart);
    back.written = to;
    const swap = to === this.objectCount && back.wanted;
    if (swap) {
      this.frontSegment = segment;
      this.back = null;
    } else if (from === to) return null;
    this.writing = !swap;
    return { segment, from, to, swap };
  }
}
