import {
  Cartesian2,
  Cartesian3,
  Color,
  LabelCollection,
  LabelStyle,
  Matrix3,
  Matrix4,
  PointPrimitiveCollection,
  PolylineCollection,
  type Label,
  type PointPrimitive,
  type Polyline,
} from 'cesium';
import type { CatalogObject } from '../domain/catalog/types';
import { gmstRad } from '../domain/time/julian';
import type { GuardedCollection } from './layerGuard';
import { computeOrbitPaths, type OrbitPaths } from './orbitPaths';

const GROUND_TRACK_HEIGHT_M = 15_000;

/** The selected object: a ring, a label, its orbit (inertial, turned with the Earth) and ground track. */
export class SelectionLayer {
  private readonly points = new PointPrimitiveCollection();
  private readonly labels = new LabelCollection();
  private readonly orbit = new PolylineCollection();
  private readonly track = new PolylineCollection();
  private readonly ring: PointPrimitive;
  private readonly label: Label;
  private orbitLine: Polyline | null = null;
  private trackLine: Polyline | null = null;
  private orbitPaths: OrbitPaths | null = null;
  private object: CatalogObject | null = null;
  private readonly position = new Cartesian3();
  private readonly rotation = new Matrix3();

  /**
   * The marker and label draw in `marker`'s collection, the orbit and ground track in
   * `paths`'s: a fault in either drops only that part. `scale` enlarges the marker and label
   * for wall displays.
   */
  constructor(
    private readonly marker: GuardedCollection,
    private readonly paths: GuardedCollection,
    scale = 1,
  ) {
    paths.primitives.add(this.orbit);
    paths.primitives.add(this.track);
    marker.primitives.add(this.points);
    marker.primitives.add(this.labels);
    this.ring = this.points.add({
      pixelSize: Math.round(14 * scale),
      color: Color.TRANSPARENT,
      outlineColor: Color.WHITE,
      outlineWidth: 2,
      show: false,
    });
    this.label = this.labels.add({
      position: Cartesian3.ZERO,
      show: false,
      font: `600 ${Math.round(15 * scale)}px system-ui, sans-serif`,
      fillColor: Color.WHITE,
      outlineColor: Color.BLACK,
      outlineWidth: 3,
      style: LabelStyle.FILL_AND_OUTLINE,
      pixelOffset: new Cartesian2(12 * scale, -12 * scale),
    });
  }

  select(object: CatalogObject | null): void {
    this.object = object;
    this.orbitPaths = null;
    const item = object ? `${object.objectName} (${object.noradCatId})` : 'no selection';
    this.marker.rearm(`the selection marker of ${item}`);
    this.paths.rearm(`the orbit and ground track of ${item}`);
    this.ring.show = false;
    this.label.show = false;
    this.label.text = object ? `${object.objectName} (${object.noradCatId})` : '';
    this.orbit.removeAll();
    this.track.removeAll();
    this.orbitLine = null;
    this.trackLine = null;
  }

  /**
   * Per frame: place the marker and label at the drawn position (km, Earth-fixed, or null when
   * unknown), turn the orbit with the Earth, and recompute the paths when the clock leaves them.
   */
  update(
    timeMs: number,
    ecefKm: Float64Array | null,
    showOrbit: boolean,
    showTrack: boolean,
  ): void {
    const object = this.object;
    if (!object) return;
    this.marker.run(() => {
      if (ecefKm) {
        Cartesian3.fromElements(
          ecefKm[0] * 1000,
          ecefKm[1] * 1000,
          ecefKm[2] * 1000,
          this.position,
        );
        this.ring.position = this.position;
        this.label.position = this.position;
      }
      this.ring.show = ecefKm !== null;
      this.label.show = ecefKm !== null;
    });
    this.paths.run(() => {
      if (
        !this.orbitPaths ||
        Math.abs(timeMs - this.orbitPaths.centreMs) > this.orbitPaths.periodMs / 4
      ) {
        this.rebuildPaths(object, timeMs);
      }
      this.orbit.show = showOrbit;
      this.track.show = showTrack;
      // r_ecef = R3(θ)·r_teme; Cesium's rotation about Z by −θ is R3(θ).
      Matrix3.fromRotationZ(-gmstRad(timeMs), this.rotation);
      Matrix4.fromRotationTranslation(this.rotation, Cartesian3.ZERO, this.orbit.modelMatrix);
    });
  }

  private rebuildPaths(object: CatalogObject, timeMs: number): void {
    this.orbitPaths = computeOrbitPaths(object, timeMs);
    this.orbit.removeAll();
    this.track.removeAll();
    if (!this.orbitPaths) return;
    const { orbitTemeKm, groundTrackRad } = this.orbitPaths;
    this.orbitLine = this.orbit.add({
      positions: Cartesian3.unpackArray(orbitTemeKm.map((v) => v * 1000)),
      width: 2,
    });
    this.orbitLine.material.uniforms.color = Color.fromCssColorString('#ffffff').withAlpha(0.8);
    this.trackLine = this.track.add({
      positions: Cartesian3.fromRadiansArrayHeights(
        groundTrackRad.flatMap((v, i) => (i % 2 === 1 ? [v, GROUND_TRACK_HEIGHT_M] : [v])),
      ),
      width: 2,
    });
    this.trackLine.material.uniforms.color = Color.fromCssColorString('#F0E442').withAlpha(0.9);
  }

  destroy(): void {
    this.paths.primitives.removeAll();
    this.marker.primitives.removeAll();
  }
}
