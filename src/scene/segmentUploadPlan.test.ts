import { describe, expect, it } from 'vitest';
import {
  SegmentUploadPlan,
  UPLOAD_PART_BYTES,
  sameSamples,
  type SamplePair,
  type UploadStep,
} from './segmentUploadPlan';
import { SEGMENT_STRIDE } from './catalogPointsPrimitive';

/** A segment between samples k and k + 1 (distinct arrays per sample, as the stream keeps). */
const samples = new Map<number, object>();
const sample = (k: number) => samples.get(k) ?? samples.set(k, { k }).get(k)!;
const seg = (k: number): SamplePair => ({ s0: sample(k), s1: sample(k + 1) });

/** Each step in a compact form: [k of its first sample, from, to, swap]. */
const brief = (step: UploadStep<SamplePair> | null) =>
  step && [(step.segment.s0 as { k: number }).k, step.from, step.to, step.swap];

/** Upload a segment to the front, whole. */
function show(plan: SegmentUploadPlan<SamplePair>, segment: SamplePair): void {
  while (!plan.next(segment, null)?.swap);
}

describe('SegmentUploadPlan', () => {
  it('writes the first segment in parts and swaps it in with the last; nothing is drawn before', () => {
    const plan = new SegmentUploadPlan(10, 4);
    const a = seg(0);
    expect(brief(plan.next(a, null))).toEqual([0, 0, 4, false]);
    expect(plan.front).toBeNull();
    expect(plan.pending).toBe(true);
    expect(brief(plan.next(a, null))).toEqual([0, 4, 8, false]);
    expect(brief(plan.next(a, null))).toEqual([0, 8, 10, true]);
    expect(plan.front).toBe(a);
    expect(plan.pending).toBe(false);
    expect(plan.next(a, null)).toBeNull();
  });

  it('a catalog that fits one part is written and swapped in one step', () => {
    const plan = new SegmentUploadPlan(26_834, 80_000);
    expect(brief(plan.next(seg(0), null))).toEqual([0, 0, 26_834, true]);
    expect(plan.pending).toBe(false);
  });

  it('uploads the next segment of play ahead and swaps to it, unwritten, when the clock gets there', () => {
    const plan = new SegmentUploadPlan(10, 5);
    show(plan, seg(0));
    expect(brief(plan.next(seg(0), seg(1)))).toEqual([1, 0, 5, false]);
    expect(brief(plan.next(seg(0), seg(1)))).toEqual([1, 5, 10, false]);
    // Complete, it waits: the points keep drawing segment 0 while the clock is in it.
    expect(plan.next(seg(0), seg(1))).toBeNull();
    expect(plan.front).toEqual(seg(0));
    expect(plan.pending).toBe(false);
    expect(brief(plan.next(seg(1), seg(2)))).toEqual([1, 10, 10, true]);
    expect(sameSamples(plan.front, seg(1))).toBe(true);
    // Then the one after.
    expect(brief(plan.next(seg(1), seg(2)))).toEqual([2, 0, 5, false]);
  });

  it('a seek mid-upload starts the back buffer again for the new time; the front stays drawn', () => {
    const plan = new SegmentUploadPlan(12, 4);
    show(plan, seg(0));
    // A prefetch a third written, then a seek: it is dropped at once, however far along.
    expect(brief(plan.next(seg(0), seg(1)))).toEqual([1, 0, 4, false]);
    expect(brief(plan.next(seg(0), seg(1)))).toEqual([1, 4, 8, false]);
    expect(brief(plan.next(seg(50), null))).toEqual([50, 0, 4, false]);
    expect(sameSamples(plan.front, seg(0))).toBe(true);
    // A second seek before the first is half written: started again too.
    expect(brief(plan.next(seg(90), null))).toEqual([90, 0, 4, false]);
    expect(brief(plan.next(seg(90), null))).toEqual([90, 4, 8, false]);
    expect(brief(plan.next(seg(90), null))).toEqual([90, 8, 12, true]);
  });

  it('finishes a wanted segment over half written before the next, so a fast clock still moves', () => {
    const plan = new SegmentUploadPlan(12, 4);
    show(plan, seg(0));
    expect(brief(plan.next(seg(5), null))).toEqual([5, 0, 4, false]);
    expect(brief(plan.next(seg(5), null))).toEqual([5, 4, 8, false]);
    // The clock moved on to 6: 5 is two thirds written, finished and drawn (pinned) first.
    expect(brief(plan.next(seg(6), seg(7)))).toEqual([5, 8, 12, true]);
    expect(sameSamples(plan.front, seg(5))).toBe(true);
    expect(brief(plan.next(seg(6), seg(7)))).toEqual([6, 0, 4, false]);
  });

  it('keeps the back buffer while nothing is wanted (samples on their way) and resumes it', () => {
    const plan = new SegmentUploadPlan(12, 4);
    show(plan, seg(0));
    expect(brief(plan.next(seg(3), null))).toEqual([3, 0, 4, false]);
    expect(plan.next(null, null)).toBeNull();
    expect(plan.pending).toBe(false);
    expect(brief(plan.next(seg(3), null))).toEqual([3, 4, 8, false]);
  });

  it('an upcoming segment that is already the front is not uploaded again', () => {
    const plan = new SegmentUploadPlan(4, 4);
    show(plan, seg(1));
    // Samples for the clock's time are on their way; the segment after is the one drawn.
    expect(plan.next(null, seg(1))).toBeNull();
  });

  it('tells segments apart by their sample arrays, not by the object that holds them', () => {
    const plan = new SegmentUploadPlan(4, 4);
    show(plan, seg(0));
    expect(plan.next({ ...seg(0) }, null)).toBeNull();
    // An exact sample at the clock's time (both ends the same array) is a segment of its own.
    const exact = { s0: sample(0), s1: sample(0) };
    expect(plan.next(exact, null)?.swap).toBe(true);
  });

  it('writes at most 4 MiB a part: 340,000 objects in 5 parts, the snapshot in one', () => {
    const perPart = Math.floor(UPLOAD_PART_BYTES / (SEGMENT_STRIDE * 4));
    for (const [objects, parts] of [
      [339_999, 5],
      [26_834, 1],
    ]) {
      const plan = new SegmentUploadPlan(objects, perPart);
      let n = 0;
      let written = 0;
      for (let step = plan.next(seg(0), null); step; step = plan.next(seg(0), null)) {
        expect((step.to - step.from) * SEGMENT_STRIDE * 4).toBeLessThanOrEqual(4 * 1024 * 1024);
        expect(step.from).toBe(written);
        written = step.to;
        n++;
      }
      expect([written, n]).toEqual([objects, parts]);
    }
  });
});
