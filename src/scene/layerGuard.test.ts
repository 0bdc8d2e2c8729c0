import { beforeEach, describe, expect, it } from 'vitest';
import { useSceneFaultStore } from '../state/sceneFaultStore';
import { GuardedCollection } from './layerGuard';

/** A primitive whose update throws, counting the calls. */
function faulty(message: string) {
  const p = {
    calls: 0,
    update() {
      p.calls++;
      throw new Error(message);
    },
    isDestroyed: () => false,
    destroy() {},
  };
  return p;
}

function healthy() {
  const p = { calls: 0, update: () => void p.calls++, isDestroyed: () => false, destroy() {} };
  return p;
}

beforeEach(() => useSceneFaultStore.setState({ faults: [] }));

describe('a guarded layer item', () => {
  it('a throwing primitive is dropped and named once; the frame after, it is not tried again', () => {
    const bad = new GuardedCollection('notifications', 'notification POLE-1');
    const good = new GuardedCollection('notifications', 'notification CAPE-1');
    const badPrimitive = faulty('normalized result is not a number');
    const goodPrimitive = healthy();
    bad.primitives.add(badPrimitive);
    good.primitives.add(goodPrimitive);
    for (let frame = 0; frame < 100; frame++) {
      bad.update({});
      good.update({});
    }
    expect(badPrimitive.calls).toBe(1);
    expect(goodPrimitive.calls).toBe(100);
    expect(bad.hasFaulted).toBe(true);
    expect(good.hasFaulted).toBe(false);
    expect(useSceneFaultStore.getState().faults).toEqual([
      {
        layer: 'notifications',
        item: 'notification POLE-1',
        message: 'normalized result is not a number',
      },
    ]);
  });

  it("the layer's own per-frame code under run() faults the same way, and calls onFault once", () => {
    let dropped = 0;
    const guard = new GuardedCollection('encounter', 'the event A – B', () => dropped++);
    let runs = 0;
    for (let i = 0; i < 5; i++)
      guard.run(() => {
        runs++;
        throw new TypeError('bad state');
      });
    expect(runs).toBe(1);
    expect(dropped).toBe(1);
    expect(useSceneFaultStore.getState().faults[0]).toMatchObject({
      layer: 'encounter',
      message: 'bad state',
    });
  });

  it('rearmed for a new item it draws again; a fault of that item is reported as its own', () => {
    const guard = new GuardedCollection('selection', 'the selection marker of A (1)');
    const primitive = faulty('boom');
    guard.primitives.add(primitive);
    guard.update({});
    guard.update({});
    guard.rearm('the selection marker of B (2)');
    expect(guard.primitives.show).toBe(true);
    guard.update({});
    guard.update({});
    expect(primitive.calls).toBe(2);
    expect(useSceneFaultStore.getState().faults.map((f) => f.item)).toEqual([
      'the selection marker of A (1)',
      'the selection marker of B (2)',
    ]);
  });
});
