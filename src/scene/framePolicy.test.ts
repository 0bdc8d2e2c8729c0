import { describe, expect, it } from 'vitest';
import { needsFrame, type FrameNeeds } from './framePolicy';

const idle: FrameNeeds = { dirty: false, gpuWorkPending: false, playing: false, drawsTime: false };

describe('needsFrame', () => {
  it('redraws for a playing clock only what moves with it', () => {
    expect(needsFrame({ ...idle, playing: true })).toBe(false);
    expect(needsFrame({ ...idle, playing: true, drawsTime: true })).toBe(true);
    expect(needsFrame({ ...idle, drawsTime: true })).toBe(false);
  });

  it('draws a change or pending GPU work whatever the clock', () => {
    expect(needsFrame(idle)).toBe(false);
    expect(needsFrame({ ...idle, dirty: true })).toBe(true);
    expect(needsFrame({ ...idle, gpuWorkPending: true })).toBe(true);
  });
});
