import {
  Cartesian2,
  Cartesian3,
  Color,
  GeometryInstance,
  LabelCollection,
  LabelStyle,
  Material,
  MaterialAppearance,
  PointPrimitiveCollection,
  PolygonGeometry,
  PolygonHierarchy,
  PolylineCollection,
  Primitive,
  VerticalOrigin,
  type CesiumWidget,
  type Geometry,
  type Label,
  type PointPrimitive,
  type Polyline,
  type Scene,
} from 'cesium';
import {
  CORRIDOR_RANGE_KM,
  corridorOutline,
  corridorRing,
  destinationPoint,
  normalizeDeg,
} from '../domain/notifications/geometry';
import { formatCountdown, notificationPhase } from '../domain/notifications/timing';
import type { LaunchNotification, LonLat } from '../domain/notifications/types';
import { useNotificationStore } from '../state/notificationStore';
import { GuardedCollection } from './layerGuard';
import { flightSeconds } from './motion';

/** Heights above the ellipsoid that keep the drawings clear of the globe's surface. */
const CORRIDOR_HEIGHT_M = 4_000;
const HAZARD_HEIGHT_M = 2_500;
const LABEL_HEIGHT_M = 6_000;
const FLY_WEST_OFFSET_KM = 900;

// Crimson: unlike every catalog colour (Okabe–Ito), so a corridor never reads as objects.
const CORRIDOR = Color.fromCssColorString('#FF3B6B');
const HAZARD = Color.fromCssColorString('#F0E442');
const IMPACT = Color.fromCssColorString('#D55E00');
const FILL_ALPHA = 0.35;
const HAZARD_ALPHA = 0.45;
const LINE_ALPHA = 0.95;

interface Drawn {
  n: LaunchNotification;
  /** The item's fills and lines: a fault in them drops this notification only. */
  guard: GuardedCollection;
  fills: { primitive: Primitive; color: Color; alpha: number }[];
  lines: { line: Polyline; color: Color }[];
  point: PointPrimitive;
  label: Label;
  /** What was last applied, so a frame changes nothing when nothing changed. */
  opacity: number;
  text: string;
}

/**
 * A ring's fill as triangles, built now rather than inside a frame so that a ring Cesium cannot
 * triangulate is found here. Flat shading without texture coordinates: Cesium's texture
 * coordinates for a polygon with a vertex at a pole fail ("normalized result is not a number").
 */
export function fillGeometry(ring: readonly LonLat[], heightM: number): Geometry {
  const geometry = PolygonGeometry.createGeometry(
    new PolygonGeometry({
      polygonHierarchy: new PolygonHierarchy(Cartesian3.fromDegreesArray(ring.slice(0, -1).flat())),
      height: heightM,
      vertexFormat: MaterialAppearance.MaterialSupport.BASIC.vertexFormat,
    }),
  );
  if (!geometry) throw new Error('the polygon has no area');
  if (!((geometry.attributes.position?.values ?? []) as Float64Array).every(Number.isFinite)) {
    throw new Error('the polygon has a vertex that is not a number');
  }
  return geometry;
}

function fillPrimitive(ring: LonLat[], heightM: number, color: Color, alpha: number): Primitive {
  return new Primitive({
    geometryInstances: new GeometryInstance({ geometry: fillGeometry(ring, heightM) }),
    appearance: new MaterialAppearance({
      material: Material.fromType('Color', { color: color.withAlpha(alpha) }),
      materialSupport: MaterialAppearance.MaterialSupport.BASIC,
      flat: true,
      translucent: true,
    }),
    asynchronous: false,
    show: false,
  });
}

/**
 * Launch notifications on the globe: the site, the azimuth corridor (a fan 1,500 km
 * downrange) and hazard areas. Before the window only the site and a countdown show; during it
 * everything; after it everything fades over two hours. Geometry is built when the list
 * changes; a frame only compares the phase with the last one and touches what changed.
 *
 * Each notification draws under its own guard: one that cannot be built or drawn is dropped
 * from the globe and named in the scene's alert (it stays in the list, where it can be
 * removed); the others keep drawing, and it is not tried again until it changes.
 */
export class NotificationLayer {
  private readonly scene: Scene;
  private readonly markers = new GuardedCollection('notifications', 'site markers and countdowns');
  private readonly points = new PointPrimitiveCollection();
  private readonly labels = new LabelCollection();
  private drawn: Drawn[] = [];
  /** Notifications that faulted, until the list holds a changed one in their place. */
  private readonly dropped = new WeakSet<LaunchNotification>();
  private builtVersion = -1;
  private readonly unsubscribe: () => void;

  constructor(private readonly widget: CesiumWidget) {
    this.scene = widget.scene;
    this.markers.primitives.add(this.points);
    this.markers.primitives.add(this.labels);
    this.scene.primitives.add(this.markers);
    this.unsubscribe = useNotificationStore.subscribe((s, prev) => {
      if (s.version !== prev.version) this.scene.requestRender();
      if (s.focus && s.focus.seq !== prev.focus?.seq) this.flyTo(s.focus.id);
    });
  }

  /** Per frame. */
  update(timeMs: number): void {
    const { notifications, version } = useNotificationStore.getState();
    let changed = false;
    if (version !== this.builtVersion) {
      this.rebuild(notifications);
      this.builtVersion = version;
      changed = true;
    }
    for (const d of this.drawn) {
      d.guard.run(() => {
        if (this.apply(d, timeMs)) changed = true;
      });
    }
    if (changed) this.scene.requestRender();
  }

  /** Bring one notification's drawing to the phase at `timeMs`; true when anything changed. */
  private apply(d: Drawn, timeMs: number): boolean {
    let changed = false;
    const { phase, opacity } = notificationPhase(d.n, timeMs);
    const rounded = Math.round(opacity * 100) / 100;
    if (rounded !== d.opacity) {
      d.opacity = rounded;
      for (const f of d.fills) {
        f.primitive.show = rounded > 0;
        (f.primitive.appearance.material.uniforms as { color: Color }).color = f.color.withAlpha(
          f.alpha * rounded,
        );
      }
      for (const l of d.lines) {
        l.line.show = rounded > 0;
        l.line.material.uniforms.color = l.color.withAlpha(LINE_ALPHA * rounded);
      }
      changed = true;
    }
    const text =
      phase === 'over'
        ? ''
        : phase === 'before'
          ? `${d.n.id}\n${formatCountdown(timeMs, d.n.windowStartMs)}`
          : phase === 'open'
            ? `${d.n.id}\nwindow open · ${formatCountdown(timeMs, d.n.windowStartMs)}`
            : `${d.n.id}\nwindow closed`;
    if (text !== d.text) {
      d.text = text;
      d.label.text = text;
      d.label.show = text !== '';
      d.point.show = text !== '';
      changed = true;
    }
    return changed;
  }

  private rebuild(list: readonly LaunchNotification[]): void {
    this.clear();
    for (const n of list) {
      if (this.dropped.has(n)) continue;
      const guard = new GuardedCollection('notifications', `notification ${n.id}`, () =>
        this.drop(n),
      );
      let d: Drawn | undefined;
      guard.run(() => (d = this.build(n, guard)));
      if (d) {
        this.scene.primitives.add(guard);
        this.drawn.push(d);
      } else guard.destroy();
    }
  }

  /** A notification's primitives, in its guard's collection (markers in the shared ones). */
  private build(n: LaunchNotification, guard: GuardedCollection): Drawn {
    const { latDeg, lonDeg } = n.site;
    if (!Number.isFinite(latDeg) || !Number.isFinite(lonDeg)) {
      throw new Error(`the site ${latDeg}, ${lonDeg} is not a position`);
    }
    const lines = new PolylineCollection();
    guard.primitives.add(lines);
    const ring = corridorRing(latDeg, lonDeg, n.azimuth.minDeg, n.azimuth.maxDeg);
    const fills: Drawn['fills'] = [
      {
        primitive: fillPrimitive(ring, CORRIDOR_HEIGHT_M, CORRIDOR, FILL_ALPHA),
        color: CORRIDOR,
        alpha: FILL_ALPHA,
      },
    ];
    const drawnLines: Drawn['lines'] = [
      {
        line: lines.add({
          positions: Cartesian3.fromDegreesArrayHeights(
            corridorOutline(latDeg, lonDeg, n.azimuth.minDeg, n.azimuth.maxDeg).flatMap(
              ([lon, lat]) => [lon, lat, CORRIDOR_HEIGHT_M],
            ),
          ),
          width: 2,
          show: false,
        }),
        color: CORRIDOR,
      },
    ];
    for (const area of n.hazardAreas) {
      const color = area.kind === 'impact' ? IMPACT : HAZARD;
      fills.push({
        primitive: fillPrimitive(area.polygon, HAZARD_HEIGHT_M, color, HAZARD_ALPHA),
        color,
        alpha: HAZARD_ALPHA,
      });
      drawnLines.push({
        line: lines.add({
          positions: Cartesian3.fromDegreesArrayHeights(
            area.polygon.flatMap(([lon, lat]) => [lon, lat, HAZARD_HEIGHT_M]),
          ),
          width: 2,
          show: false,
        }),
        color,
      });
    }
    for (const f of fills) guard.primitives.add(f.primitive);
    const position = Cartesian3.fromDegrees(lonDeg, latDeg, LABEL_HEIGHT_M);
    const point = this.points.add({
      position,
      pixelSize: 9,
      color: CORRIDOR,
      outlineColor: Color.BLACK,
      outlineWidth: 2,
      show: false,
    });
    const label = this.labels.add({
      position,
      text: '',
      show: false,
      font: '600 14px system-ui, sans-serif',
      fillColor: Color.fromCssColorString('#FFE3A3'),
      outlineColor: Color.BLACK,
      outlineWidth: 3,
      style: LabelStyle.FILL_AND_OUTLINE,
      verticalOrigin: VerticalOrigin.BOTTOM,
      pixelOffset: new Cartesian2(10, -8),
    });
    return { n, guard, fills, lines: drawnLines, point, label, opacity: -1, text: '\u0000' };
  }

  /**
   * A notification that faulted: its guard has hidden its fills and lines and stops updating
   * them; its marker goes too. It leaves the scene at the next rebuild (not now: this runs
   * inside Cesium's walk over the scene's primitives).
   */
  private drop(n: LaunchNotification): void {
    this.dropped.add(n);
    const d = this.drawn.find((x) => x.n === n);
    if (d) {
      d.point.show = false;
      d.label.show = false;
    }
    this.scene.requestRender();
  }

  private flyTo(id: string): void {
    const n = useNotificationStore.getState().notifications.find((x) => x.id === id);
    if (!n) return;
    const { minDeg, maxDeg } = n.azimuth;
    const mid = normalizeDeg(minDeg + normalizeDeg(maxDeg - minDeg) / 2);
    const middle = destinationPoint(n.site.latDeg, n.site.lonDeg, mid, CORRIDOR_RANGE_KM / 2);
    // Look a little west of the corridor so that it sits right of the panels on the left.
    const centre = destinationPoint(middle.latDeg, middle.lonDeg, 270, FLY_WEST_OFFSET_KM);
    this.widget.camera.flyTo({
      destination: Cartesian3.fromDegrees(centre.lonDeg, centre.latDeg, 5_000_000),
      duration: flightSeconds(),
    });
    this.scene.requestRender();
  }

  private clear(): void {
    // Removing a guard from the scene destroys it and the primitives it holds.
    for (const d of this.drawn) this.scene.primitives.remove(d.guard);
    this.points.removeAll();
    this.labels.removeAll();
    this.drawn = [];
  }

  destroy(): void {
    this.unsubscribe();
    this.clear();
    this.scene.primitives.remove(this.markers);
  }
}
