import {
  BoundingSphere,
  Cartesian2,
  Cartesian3,
  Color,
  HeadingPitchRange,
  LabelCollection,
  LabelStyle,
  Math as CesiumMath,
  Matrix3,
  Matrix4,
  PointPrimitiveCollection,
  PolylineCollection,
  type CesiumWidget,
  type Label,
  type PointPrimitive,
} from 'cesium';
import type { ElementSet } from '../domain/catalog/types';
import { eventTrajectories, type ConjunctionRecord, type Trajectory } from '../domain/conjunctions';
import { gmstRad } from '../domain/time/julian';
import { useCatalogStore } from '../state/catalogStore';
import { simNowMs } from '../state/clockStore';
import { selectedConjunction, useConjunctionStore } from '../state/conjunctionStore';
import type { GuardedCollection } from './layerGuard';
import { flightSeconds } from './motion';

/** Orbit arcs drawn either side of TCA, and their sampling. */
const ARC_HALF_SPAN_MS = 30 * 60_000;
const ARC_STEP_MS = 20_000;

// Okabe–Ito: sky blue and orange for the two objects, yellow for the miss vector.
export const ENCOUNTER_COLORS = { object1: '#56B4E9', object2: '#E69F00', miss: '#F0E442' };

function lookup(): (id: number) => ElementSet | undefined {
  const { objects, indexById } = useCatalogStore.getState();
  return (id) => {
    const i = indexById.get(id);
    return i === undefined ? undefined : objects[i];
  };
}

/** TEME-ish inertial km → Earth-fixed m at GMST θ: r_ecef = R3(θ)·r. */
function toEcefM(r: readonly number[], theta: number, out: Cartesian3): Cartesian3 {
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  return Cartesian3.fromElements(
    (c * r[0] + s * r[1]) * 1000,
    (-s * r[0] + c * r[1]) * 1000,
    r[2] * 1000,
    out,
  );
}

/**
 * The selected conjunction on the globe: both objects marked and labelled where they are at the
 * clock's time, both orbits ±30 min around TCA (fixed in the inertial frame, turned with the
 * Earth like the selected object's orbit), the miss vector and a marker at TCA. States come from
 * SGP4 for catalog objects and from two-body propagation of a CDM's own states; arcs are computed
 * once on selection, a frame costs two propagations.
 */
export class EncounterLayer {
  private readonly arcs = new PolylineCollection();
  private readonly points = new PointPrimitiveCollection();
  private readonly labels = new LabelCollection();
  private readonly markers: [PointPrimitive, PointPrimitive, PointPrimitive];
  private readonly texts: [Label, Label, Label];
  private record: ConjunctionRecord | null = null;
  private trajectories: [Trajectory, Trajectory] | null = null;
  private tcaTeme: [number[], number[]] | null = null;
  private readonly rotation = new Matrix3();
  private readonly scratch = new Cartesian3();
  private readonly unsubscribe: () => void;

  /** Everything draws in `guard`'s collection: a fault drops the event shown, nothing else. */
  constructor(
    private readonly widget: CesiumWidget,
    private readonly guard: GuardedCollection,
  ) {
    guard.primitives.add(this.arcs);
    guard.primitives.add(this.points);
    guard.primitives.add(this.labels);
    const colors = [ENCOUNTER_COLORS.object1, ENCOUNTER_COLORS.object2, ENCOUNTER_COLORS.miss].map(
      (c) => Color.fromCssColorString(c),
    );
    this.markers = colors.map((color, i) =>
      this.points.add({
        pixelSize: i === 2 ? 9 : 12,
        color: i === 2 ? color : Color.TRANSPARENT,
        outlineColor: i === 2 ? Color.BLACK : color,
        outlineWidth: i === 2 ? 1 : 3,
        show: false,
      }),
    ) as [PointPrimitive, PointPrimitive, PointPrimitive];
    this.texts = colors.map((color, i) =>
      this.labels.add({
        position: Cartesian3.ZERO,
        show: false,
        font: `600 ${i === 2 ? 13 : 15}px system-ui, sans-serif`,
        fillColor: color,
        outlineColor: Color.BLACK,
        outlineWidth: 3,
        style: LabelStyle.FILL_AND_OUTLINE,
        pixelOffset: new Cartesian2(12, [-12, 12, -32][i]),
      }),
    ) as [Label, Label, Label];
    this.unsubscribe = useConjunctionStore.subscribe((s, prev) => {
      if (s.selectedKey !== prev.selectedKey || s.version !== prev.version) {
        const record = selectedConjunction(s) ?? null;
        if (record === this.record) return;
        guard.rearm(record ? `the event ${record.name1} – ${record.name2}` : 'no event');
        guard.run(() => this.show(record, s.selectedKey !== prev.selectedKey));
      }
    });
  }

  /** An event's two objects are drawn: they move with the clock. */
  get showing(): boolean {
    return this.record !== null && this.trajectories !== null;
  }

  private show(record: ConjunctionRecord | null, frame: boolean): void {
    this.record = record;
    this.arcs.removeAll();
    this.trajectories = record ? eventTrajectories(record, lookup()) : null;
    this.tcaTeme = null;
    for (const m of this.markers) m.show = false;
    for (const t of this.texts) t.show = false;
    if (!record || !this.trajectories) {
      this.widget.scene.requestRender();
      return;
    }
    const [t1, t2] = this.trajectories;
    this.texts[0].text = `${record.name1} (${record.designator1})`;
    this.texts[1].text = `${record.name2} (${record.designator2})`;
    this.texts[2].text = `TCA · miss ${
      record.rangeKm < 10
        ? `${Math.round(record.rangeKm * 1000).toLocaleString('en-US')} m`
        : `${record.rangeKm.toFixed(1)} km`
    }`;
    const colors = [ENCOUNTER_COLORS.object1, ENCOUNTER_COLORS.object2];
    [t1, t2].forEach((t, i) => {
      const positions: number[] = [];
      for (let dt = -ARC_HALF_SPAN_MS; dt <= ARC_HALF_SPAN_MS; dt += ARC_STEP_MS) {
        const s = t(record.tcaMs + dt);
        if (s) positions.push(s.rKm[0] * 1000, s.rKm[1] * 1000, s.rKm[2] * 1000);
      }
      if (positions.length < 6) return;
      const line = this.arcs.add({ positions: Cartesian3.unpackArray(positions), width: 2 });
      line.material.uniforms.color = Color.fromCssColorString(colors[i]).withAlpha(0.9);
    });
    const a = t1(record.tcaMs);
    const b = t2(record.tcaMs);
    if (a && b) {
      this.tcaTeme = [[...a.rKm], [...b.rKm]];
      const miss = this.arcs.add({
        positions: [
          new Cartesian3(a.rKm[0] * 1000, a.rKm[1] * 1000, a.rKm[2] * 1000),
          new Cartesian3(b.rKm[0] * 1000, b.rKm[1] * 1000, b.rKm[2] * 1000),
        ],
        width: 4,
      });
      miss.material.uniforms.color = Color.fromCssColorString(ENCOUNTER_COLORS.miss);
    }
    this.update(simNowMs());
    if (frame) this.frame();
    this.widget.scene.requestRender();
  }

  /** Per frame: place both objects at the clock's time and turn the arcs with the Earth. */
  update(timeMs: number): void {
    if (this.record && this.trajectories) this.guard.run(() => this.place(timeMs));
  }

  private place(timeMs: number): void {
    if (!this.record || !this.trajectories) return;
    const theta = gmstRad(timeMs);
    Matrix3.fromRotationZ(-theta, this.rotation);
    Matrix4.fromRotationTranslation(this.rotation, Cartesian3.ZERO, this.arcs.modelMatrix);
    this.trajectories.forEach((t, i) => {
      const s = t(timeMs);
      this.markers[i].show = s !== null;
      this.texts[i].show = s !== null;
      if (!s) return;
      const p = toEcefM(s.rKm, theta, this.scratch);
      this.markers[i].position = p;
      this.texts[i].position = p;
    });
    if (this.tcaTeme) {
      const [a, b] = this.tcaTeme;
      const mid = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];
      const p = toEcefM(mid, theta, this.scratch);
      this.markers[2].position = p;
      this.texts[2].position = p;
      this.markers[2].show = true;
      this.texts[2].show = true;
    }
  }

  /** Frame both objects (where they are now) and the TCA point. */
  private frame(): void {
    const timeMs = simNowMs();
    const theta = gmstRad(timeMs);
    const pts: Cartesian3[] = [];
    for (const t of this.trajectories ?? []) {
      const s = t(timeMs);
      if (s) pts.push(toEcefM(s.rKm, theta, new Cartesian3()));
    }
    if (this.tcaTeme) pts.push(toEcefM(this.tcaTeme[0], theta, new Cartesian3()));
    if (!pts.length) return;
    const sphere = BoundingSphere.fromPoints(pts);
    const range = Math.max(400_000, sphere.radius * 3.5);
    this.widget.camera.flyToBoundingSphere(new BoundingSphere(sphere.center, 1), {
      duration: flightSeconds(),
      offset: new HeadingPitchRange(0, CesiumMath.toRadians(-40), range),
    });
  }

  destroy(): void {
    this.unsubscribe();
    this.guard.primitives.removeAll();
  }
}
