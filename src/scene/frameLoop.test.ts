import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FrameLoop, LASTING_FAILURE_FRAMES, type FrameTarget } from './frameLoop';

/** Animation frames run one at a time by the test. */
let queued: (() => void) | null = null;
const nextFrame = () => {
  const run = queued;
  queued = null;
  run?.();
};

beforeEach(() => {
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => {
    queued = f;
    return 1;
  });
  vi.stubGlobal('cancelAnimationFrame', () => (queued = null));
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** A widget whose render throws on the frames listed (counted from 1). */
function widget(throwsOn: (frame: number) => boolean) {
  const seen: { frame: number; inputs: boolean }[] = [];
  const target: FrameTarget = {
    resize: () => {},
    render: () => {
      const frame = seen.length + 1;
      seen.push({ frame, inputs: target.scene.screenSpaceCameraController.enableInputs });
      if (throwsOn(frame)) throw new Error(`fault in frame ${frame}`);
    },
    scene: { screenSpaceCameraController: { enableInputs: true } },
  };
  return { target, seen };
}

describe('FrameLoop', () => {
  it('skips a frame that throws, with the camera input of the next frame dropped, and goes on', () => {
    const { target, seen } = widget((f) => f === 2);
    const stopped = vi.fn();
    const beforeFrame = vi.fn();
    new FrameLoop(target, { beforeFrame, stopped }).start();
    for (let i = 0; i < 4; i++) nextFrame();
    expect(seen).toEqual([
      { frame: 1, inputs: true },
      { frame: 2, inputs: true },
      { frame: 3, inputs: false },
      { frame: 4, inputs: true },
    ]);
    expect(beforeFrame).toHaveBeenCalledTimes(4);
    expect(stopped).not.toHaveBeenCalled();
    expect(queued).not.toBeNull();
  });

  it('stops, once, with the error, when every frame throws', () => {
    const { target, seen } = widget(() => true);
    const stopped = vi.fn();
    new FrameLoop(target, { beforeFrame: () => {}, stopped }).start();
    for (let i = 0; i < LASTING_FAILURE_FRAMES + 5; i++) nextFrame();
    expect(seen).toHaveLength(LASTING_FAILURE_FRAMES);
    expect(stopped).toHaveBeenCalledTimes(1);
    expect(String(stopped.mock.calls[0][0])).toBe(
      `Error: fault in frame ${LASTING_FAILURE_FRAMES}`,
    );
    expect(queued).toBeNull();
  });

  it('a fault that comes and goes never adds up to a stop', () => {
    const { target, seen } = widget((f) => f % 2 === 0);
    const stopped = vi.fn();
    new FrameLoop(target, { beforeFrame: () => {}, stopped }).start();
    for (let i = 0; i < 4 * LASTING_FAILURE_FRAMES; i++) nextFrame();
    expect(seen).toHaveLength(4 * LASTING_FAILURE_FRAMES);
    expect(stopped).not.toHaveBeenCalled();
  });

  it('draws nothing more once stopped', () => {
    const { target, seen } = widget(() => false);
    const loop = new FrameLoop(target, { beforeFrame: () => {}, stopped: () => {} });
    loop.start();
    nextFrame();
    loop.stop();
    nextFrame();
    expect(seen).toHaveLength(1);
  });
});
