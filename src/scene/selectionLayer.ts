import {
  Cartesian2,
  Cartesian3,
  Color,
  ColorGeometryInstanceAttribute,
  EllipsoidOutlineGeometry,
  GeometryInstance,
  PerInstanceColorAppearance,
  Primitive,
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
import { EARTH_ROTATION_RAD_S } from '../domain/frames/teme';
import { nearestCovarianceRtn, type RtnCovariance } from '../domain/oem/display';
import type { OemSegment } from '../domain/oem/types';
import { gmstRad } from '../domain/time/julian';
import type { GuardedCollection } from './layerGuard';
import { computeOrbitPaths, type OrbitPaths } from './orbitPaths';

const GROUND_TRACK_HEIGHT_M = 15_000;
/** The nearest covariance is looked up again when the clock has moved this far. */
const COVARIANCE_RECHECK_MS = 30_000;

/** A unit sphere's outline, scaled and turned per frame into a covariance ellipsoid. */
function unitEllipsoid(color: string): Primitive {
  return new Primitive({
    geometryInstances: new GeometryInstance({
      geometry: new EllipsoidOutlineGeometry({
        radii: new Cartesian3(1, 1, 1),
        stackPartitions: 8,
        slicePartitions: 12,
      }),
      attributes: {
        color: ColorGeometryInstanceAttribute.fromColor(Color.fromCssColorString(color)),
      },
    }),
    appearance: new PerInstanceColorAppearance({ flat: true, translucent: false }),
    // Built here and now: no geometry worker, and nothing to wait for.
    asynchronous: false,
    show: false,
  });
}

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
  private ephemeris: readonly OemSegment[] | null = null;
  private covariance: { atMs: number; value: RtnCovariance | null } | null = null;
  /** 1σ and 3σ position ellipsoids of an ephemeris object with covariance. */
  private readonly sigma1 = unitEllipsoid('#FFFFFF');
  private readonly sigma3 = unitEllipsoid('#E69F00');
  /** Principal axes of the covariance in RTN (columns) and their 1σ lengths, m. */
  private axes: { rtnToAxes: Matrix3; sigmasM: Cartesian3 } | null = null;

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
    paths.primitives.add(this.sigma1);
    paths.primitives.add(this.sigma3);
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

  /** `ephemeris`: the object's OEM segments in TEME, when it is drawn from one. */
  select(object: CatalogObject | null, ephemeris: readonly OemSegment[] | null = null): void {
    this.object = object;
    this.ephemeris = ephemeris;
    this.covariance = null;
    this.axes = null;
    this.sigma1.show = false;
    this.sigma3.show = false;
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
      this.placeEllipsoids(timeMs, ecefKm);
      // r_ecef = R3(θ)·r_teme; Cesium's rotation about Z by −θ is R3(θ).
      Matrix3.fromRotationZ(-gmstRad(timeMs), this.rotation);
      Matrix4.fromRotationTranslation(this.rotation, Cartesian3.ZERO, this.orbit.modelMatrix);
    });
  }

  /**
   * The 1σ and 3σ ellipsoids at the drawn position, oriented in RTN from the covariance nearest
   * in time (looked up again only every COVARIANCE_RECHECK_MS); hidden without one.
   */
  private placeEllipsoids(timeMs: number, ecefKm: Float64Array | null): void {
    if (
      this.ephemeris &&
      (!this.covariance || Math.abs(timeMs - this.covariance.atMs) > COVARIANCE_RECHECK_MS)
    ) {
      const value = nearestCovarianceRtn(this.ephemeris, timeMs);
      this.covariance = { atMs: timeMs, value };
      this.axes = value ? principalAxes(value) : null;
    }
    const axes = this.axes;
    const show = axes !== null && ecefKm !== null;
    this.sigma1.show = show;
    this.sigma3.show = show;
    if (!show || !ecefKm) return;
    const rtn = rtnToEcef(ecefKm, scratchBasis);
    Matrix3.multiply(rtn, axes.rtnToAxes, scratchTurn);
    for (const [primitive, k] of [
      [this.sigma1, 1],
      [this.sigma3, 3],
    ] as const) {
      Matrix3.multiplyByScale(
        scratchTurn,
        Cartesian3.multiplyByScalar(axes.sigmasM, k, scratchScale),
        scratchScaled,
      );
      Matrix4.fromRotationTranslation(scratchScaled, this.position, primitive.modelMatrix);
    }
  }

  private rebuildPaths(object: CatalogObject, timeMs: number): void {
    this.orbitPaths = computeOrbitPaths(object, timeMs, this.ephemeris);
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
    // The collections destroy what they hold, the ellipsoids too: destroying them here first
    // made removeAll throw ("object was destroyed") when the scene was rebuilt.
    this.paths.primitives.removeAll();
    this.marker.primitives.removeAll();
  }
}

const scratchBasis = new Matrix3();
const scratchTurn = new Matrix3();
const scratchScaled = new Matrix3();
const scratchScale = new Cartesian3();

/** Eigenvectors (columns, in RTN) and square-rooted eigenvalues (m) of the position covariance. */
function principalAxes(cov: RtnCovariance): { rtnToAxes: Matrix3; sigmasM: Cartesian3 } {
  const p = cov.positionRtnKm2;
  // Matrix3's constructor takes rows; the matrix is symmetric anyway.
  const m = new Matrix3(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8]);
  const unitary = new Matrix3();
  const diagonal = new Matrix3();
  Matrix3.computeEigenDecomposition(m, { unitary, diagonal });
  const sigma = (i: number) =>
    Math.sqrt(Math.max(0, diagonal[Matrix3.getElementIndex(i, i)])) * 1000;
  return { rtnToAxes: unitary, sigmasM: new Cartesian3(sigma(0), sigma(1), sigma(2)) };
}

/**
 * Columns R, T, N in Earth-fixed coordinates from the drawn state (km, km/s); the velocity gets
 * the Earth's rotation back, so N is the inertial orbit normal.
 */
function rtnToEcef(s: Float64Array, out: Matrix3): Matrix3 {
  const r = new Cartesian3(s[0], s[1], s[2]);
  const v = new Cartesian3(
    s[3] - EARTH_ROTATION_RAD_S * s[1],
    s[4] + EARTH_ROTATION_RAD_S * s[0],
    s[5],
  );
  const R = Cartesian3.normalize(r, new Cartesian3());
  const N = Cartesian3.normalize(Cartesian3.cross(r, v, new Cartesian3()), new Cartesian3());
  const T = Cartesian3.cross(N, R, new Cartesian3());
  Matrix3.setColumn(out, 0, R, out);
  Matrix3.setColumn(out, 1, T, out);
  Matrix3.setColumn(out, 2, N, out);
  return out;
}
