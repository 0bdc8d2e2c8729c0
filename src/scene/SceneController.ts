import {
  BoundingSphere,
  Cartesian2,
  Cartesian3,
  HeadingPitchRange,
  IntersectionTests,
  JulianDate,
  Math as CesiumMath,
  Ray,
  SceneTransforms,
  ScreenSpaceEventHandler,
  ScreenSpaceEventType,
  type CesiumWidget,
} from 'cesium';
import { useCameraStore, type CameraCommand, type CameraView } from '../state/cameraStore';
import { useCatalogStore } from '../state/catalogStore';
import { errorMessage } from '../state/sceneFaultStore';
import { simNowMs, useClockStore } from '../state/clockStore';
import { useModeStore } from '../state/modeStore';
import { useNotificationStore } from '../state/notificationStore';
import { useSelectionStore } from '../state/selectionStore';
import { publishSelectedState, useSelectedStateStore } from '../state/selectedStateStore';
import { useViewStore } from '../state/viewStore';
import { useWatchListStore } from '../state/watchListStore';
import type { PropagationPool } from '../workers/propagationPool';
import { CatalogPointsPrimitive, type CatalogPick } from './catalogPointsPrimitive';
import { createGlobe } from './createGlobe';
import { applyCameraCommand, cameraCommandForKey, homeDestination } from './keyboardCamera';
import { EncounterLayer } from './encounterLayer';
import { EphemerisStream, stateInSegment, tauAt, type Segment } from './ephemerisStream';
import { objectColors } from './palette';
import { useEphemerisStore } from '../state/ephemerisStore';
import { FramePerf } from './framePerf';
import { GuardedCollection } from './layerGuard';
import { NotificationLayer } from './notificationLayer';
import type { RenderProfile } from './renderProfile';
import { SelectionLayer } from './selectionLayer';
import { flightSeconds } from './motion';
import { FrameLoop } from './frameLoop';
import { needsFrame } from './framePolicy';
import { sameSamples } from './segmentUploadPlan';

/** A render error this soon after a restart stops the view rather than restarting it again. */
const RESTART_QUIET_MS = 60_000;

/**
 * The Cesium scene as its own layer: it reads the stores and draws. Per frame it does little:
 * advance the clock, hand the GPU a new segment when the samples move on, place one label.
 */
export class SceneController {
  readonly widget: CesiumWidget;
  readonly perf = new FramePerf();
  private readonly points = new CatalogPointsPrimitive();
  private readonly pointsGuard = new GuardedCollection('catalog points', 'the catalog');
  private readonly selectionGuard = new GuardedCollection('selection', 'no selection');
  private readonly pathsGuard = new GuardedCollection('orbit paths', 'no selection');
  private readonly encounterGuard = new GuardedCollection('encounter', 'no event');
  /** The notification layer's own per-frame work (each notification also has its guard). */
  private readonly notificationsGuard = new GuardedCollection('notifications', 'all notifications');
  private readonly guards = [
    this.pointsGuard,
    this.pathsGuard,
    this.selectionGuard,
    this.encounterGuard,
  ];
  private readonly stream: EphemerisStream;
  private readonly selection: SelectionLayer;
  private readonly notifications: NotificationLayer;
  private readonly encounter: EncounterLayer;
  private readonly handler: ScreenSpaceEventHandler;
  private readonly unsubscribers: (() => void)[] = [];
  /** The clock's time and segment (null while its samples are computed) in the latest frame. */
  private frameTimeMs = 0;
  private frameSegment: Segment | null = null;
  private selectedIndex = -1;
  private readonly selectedState = new Float64Array(6);
  private readonly julian = new JulianDate();
  private readonly frames: FrameLoop;
  private dirty = true;
  private pendingHover: Cartesian2 | null = null;
  private seekStartedMs: number | null = null;
  private seekTargetMs = 0;
  private seekDataPending = false;
  /** A fly-to asked for before the selected object's position was known (deep link, fresh load). */
  private flyPending = false;
  /** performance.now() of the last restart after a render error. */
  private lastRestartMs = -Infinity;
  /** performance.now() when the catalog awaiting its first frame arrived. */
  private awaitingFirstDrawSince: number | null = null;
  /**
   * This frame draws the clock's time: when the catalog and the seek it completes began (null:
   * nothing to time). Timed once the frame is drawn (postRender), not when it is decided.
   */
  private completing: { catalogSince: number | null; seekSince: number | null } | null = null;

  /** Set from the moment the WebGL context is lost; this scene never draws again. */
  private contextLost = false;
  private readonly gl: WebGLRenderingContext | WebGL2RenderingContext | null;

  /**
   * `context` hears of a lost WebGL context and of its restoration, after which the caller builds
   * a new scene: Cesium keeps no way to re-create its GPU resources, and a new one reads every
   * store, so it comes back as it was.
   */
  constructor(
    container: HTMLElement,
    profile: RenderProfile,
    pool: PropagationPool,
    context: { lost(): void; restored(): void },
  ) {
    this.widget = createGlobe(container, profile);
    const { scene } = this.widget;
    // The canvas's own context (the same object Cesium draws with), to tell a lost one.
    this.gl = scene.canvas.getContext('webgl2') ?? scene.canvas.getContext('webgl');
    scene.canvas.addEventListener('webglcontextlost', (e) => {
      // Without preventDefault the browser never restores the context.
      e.preventDefault();
      this.contextLost = true;
      this.frames.stop();
      context.lost();
    });
    scene.canvas.addEventListener('webglcontextrestored', () => context.restored());
    // A wall display is read from across the room: bigger points and labels.
    const briefingScale =
      useModeStore.getState().mode === 'briefing' ? Math.max(1.5, window.innerWidth / 1280) : 1;
    this.points.pointSizePx = Math.max(
      4,
      Math.round(3.5 * window.devicePixelRatio * briefingScale),
    );
    // Each layer draws under its own guard: a fault drops that layer's item, not the view.
    this.pointsGuard.primitives.add(this.points);
    for (const g of this.guards) scene.primitives.add(g);
    this.selection = new SelectionLayer(this.selectionGuard, this.pathsGuard, briefingScale);
    this.notifications = new NotificationLayer(this.widget);
    this.encounter = new EncounterLayer(this.widget, this.encounterGuard);
    this.stream = new EphemerisStream(pool, () => this.samplesArrived());
    this.points.onSegmentDrawn = (segment, unpropagatedCount) =>
      this.segmentDrawn(segment, unpropagatedCount);
    scene.preUpdate.addEventListener(() => this.beforeFrame());
    scene.postRender.addEventListener(() => {
      this.perf.frameEnd();
      this.frameDrawn();
    });
    scene.renderError.addEventListener((_scene: unknown, error: unknown) =>
      this.renderFailed(error),
    );
    this.handler = new ScreenSpaceEventHandler(scene.canvas);
    this.handler.setInputAction(
      (e: { endPosition: Cartesian2 }) => (this.pendingHover = Cartesian2.clone(e.endPosition)),
      ScreenSpaceEventType.MOUSE_MOVE,
    );
    this.handler.setInputAction(
      (e: { position: Cartesian2 }) => useSelectionStore.getState().select(this.pickId(e.position)),
      ScreenSpaceEventType.LEFT_CLICK,
    );
    this.subscribe();
    // A scene built again (after a lost context, or on a layout switch) starts from the stores.
    const view = useCameraStore.getState().view;
    if (view) this.applyCamera(view);
    // A portrait phone starts with the whole Earth across its width, as Reset gives.
    else if (!useCameraStore.getState().requested)
      this.widget.camera.setView({ destination: homeDestination(this.widget.camera) });
    if (useCatalogStore.getState().objects.length > 0) {
      this.catalogChanged();
      this.awaitingFirstDrawSince = null; // not a load: nothing to time
    }
    scene.camera.moveEnd.addEventListener(() => this.publishCamera());
    this.frames = new FrameLoop(this.widget, {
      beforeFrame: () => {
        const { points } = this;
        if (
          needsFrame({
            dirty: this.dirty,
            gpuWorkPending: points.pickIdsPending || points.uploadPending,
            playing: useClockStore.getState().playing,
            drawsTime: points.hasObjects || this.encounter.showing || profile === 'full',
          })
        )
          scene.requestRender();
        // No frame is coming while paused and still: pick the hovered point now, not at the next frame.
        else if (this.pendingHover) this.hoverAt(this.pendingHover);
        this.dirty = false;
      },
      stopped: (error) => this.stopView(error),
    });
    this.frames.start();
  }

  /**
   * An error no layer caught, as the scene reports it. One is survived; another within a minute
   * of that leaves the view stopped with a message, so a fault can never loop.
   */
  private renderFailed(error: unknown): void {
    // A frame drawn as the context went (before its event): announced as such, not restarted.
    if (this.contextLost || this.gl?.isContextLost()) return;
    console.error('render error', error);
    const now = performance.now();
    if (now - this.lastRestartMs < RESTART_QUIET_MS) {
      this.stopView(error);
      return;
    }
    this.lastRestartMs = now;
    // The frame loop goes on: the next frame is the restart.
    useCatalogStore
      .getState()
      .failed(`The 3D view hit an error and was restarted: ${errorMessage(error)}`);
  }

  private stopView(error: unknown): void {
    this.frames.stop();
    useCatalogStore
      .getState()
      .failed(
        `The 3D view stopped after repeated errors (${errorMessage(error)}); the panels still work. Reload, or open the page with ?safe=1 to start without stored data`,
      );
  }

  private subscribe(): void {
    this.unsubscribers.push(
      useCatalogStore.subscribe((s, prev) => {
        if (s.version !== prev.version) this.catalogChanged();
      }),
      useViewStore.subscribe((s, prev) => {
        if (s.colorBy !== prev.colorBy) {
          this.points.setColors(
            objectColors(useCatalogStore.getState().objects, s.colorBy, ephemerisIds()),
          );
        }
        this.dirty = true;
      }),
      // A changed list is a new item for the notification layer's own guard.
      useNotificationStore.subscribe((s, prev) => {
        if (s.version !== prev.version) this.notificationsGuard.rearm('all notifications');
      }),
      useWatchListStore.subscribe((s, prev) => {
        if (s.ids !== prev.ids) this.watchedChanged();
      }),
      useSelectionStore.subscribe((s, prev) => {
        if (s.selectedId !== prev.selectedId) this.selectionChanged(s.selectedId);
        if (s.flyRequest !== prev.flyRequest) this.flyToSelection();
      }),
      useCameraStore.subscribe((s, prev) => {
        if (s.requestCount !== prev.requestCount && s.requested) this.applyCamera(s.requested);
        if (s.step && s.step !== prev.step) this.cameraStep(s.step.command);
      }),
      useClockStore.subscribe((s, prev) => {
        if (s.seekCount !== prev.seekCount) {
          this.seekStartedMs = performance.now();
          this.seekTargetMs = s.anchorSimMs;
          this.seekDataPending = true;
          // Ask the workers now rather than at the next frame, which software rendering delays.
          this.stream.update(s.anchorSimMs, s.playing ? s.rate : 0);
        }
        this.dirty = true;
      }),
    );
  }

  private catalogChanged(): void {
    const { objects, report } = useCatalogStore.getState();
    this.awaitingFirstDrawSince = report?.arrivedAtWallMs ?? null;
    this.pointsGuard.rearm(`the catalog (${objects.length.toLocaleString('en-US')} objects)`);
    let maxApogeeKm = 0;
    for (const o of objects) if (o.apogeeKm > maxApogeeKm) maxApogeeKm = o.apogeeKm;
    const maxRadiusKm = objects.length ? maxApogeeKm + 6378.137 : 0;
    this.points.setObjects(
      objects.length,
      objectColors(objects, useViewStore.getState().colorBy, ephemerisIds()),
      maxRadiusKm,
    );
    this.frameSegment = null;
    this.stream.reset(objects.length > 0);
    this.watchedChanged();
    this.selectionChanged(useSelectionStore.getState().selectedId);
    this.dirty = true;
  }

  /** Watched objects get a ring: one byte per object, uploaded only when the list changes. */
  private watchedChanged(): void {
    const { objects, indexById } = useCatalogStore.getState();
    const marks = new Uint8Array(objects.length);
    for (const id of useWatchListStore.getState().ids) {
      const i = indexById.get(id);
      if (i !== undefined) marks[i] = 255;
    }
    this.points.setMarks(marks);
    this.dirty = true;
  }

  private selectionChanged(id: number | null): void {
    const { objects, indexById } = useCatalogStore.getState();
    this.selectedIndex = id === null ? -1 : (indexById.get(id) ?? -1);
    this.flyPending = false;
    const ephemeris = useEphemerisStore.getState().entries.find((e) => e.id === id);
    this.selection.select(
      this.selectedIndex >= 0 ? objects[this.selectedIndex] : null,
      ephemeris?.teme ?? null,
    );
    publishSelectedState(null, 0);
    this.dirty = true;
  }

  private samplesArrived(): void {
    this.dirty = true;
    if (this.seekDataPending && this.stream.segmentAt(this.seekTargetMs)) {
      this.perf.seekDataReady(performance.now() - this.seekStartedMs!);
      this.seekDataPending = false;
    }
  }

  private beforeFrame(): void {
    this.perf.frameStart();
    const clock = useClockStore.getState();
    const timeMs = simNowMs(clock);
    this.widget.clock.currentTime = JulianDate.fromDate(new Date(timeMs), this.julian);
    this.stream.update(timeMs, clock.playing ? clock.rate : 0);
    const segment = this.stream.segmentAt(timeMs);
    // Playing, the next segment is uploaded ahead so that the points swap to it without a wait.
    const upcoming = clock.playing ? this.stream.segmentAfter(timeMs, clock.rate) : null;
    this.points.setSegments(segment, upcoming, timeMs);
    this.frameTimeMs = timeMs;
    this.frameSegment = segment;
    if (segment && sameSamples(segment, this.points.drawnSegment)) this.clockDrawn();
    this.updateSelection(timeMs, segment, !clock.playing);
    this.notificationsGuard.run(() => this.notifications.update(timeMs));
    this.encounter.update(timeMs);
    if (this.flyPending && segment) this.flyToSelection();
    if (this.pendingHover) this.hoverAt(this.pendingHover);
    this.perf.ownWorkEnd();
  }

  /** The points swapped to a newly uploaded segment (see CatalogPointsPrimitive). */
  private segmentDrawn(segment: Segment, unpropagatedCount: number): void {
    if (unpropagatedCount !== useSelectedStateStore.getState().unpropagatedCount) {
      useSelectedStateStore.setState({ unpropagatedCount });
    }
    if (sameSamples(segment, this.frameSegment)) this.clockDrawn();
  }

  /** This frame draws the points at the clock's time: a load or a seek comes on screen. */
  private clockDrawn(): void {
    const { rate } = useClockStore.getState();
    const seekDone =
      this.seekStartedMs !== null &&
      Math.abs(this.seekTargetMs - this.frameTimeMs) < 1000 * Math.max(1, Math.abs(rate));
    if (this.awaitingFirstDrawSince === null && !seekDone) return;
    this.completing = {
      catalogSince: this.awaitingFirstDrawSince ?? this.completing?.catalogSince ?? null,
      seekSince: seekDone ? this.seekStartedMs : (this.completing?.seekSince ?? null),
    };
    this.awaitingFirstDrawSince = null;
    if (seekDone) this.seekStartedMs = null;
  }

  /** The frame is drawn: what it completes is on screen now. */
  private frameDrawn(): void {
    const done = this.completing;
    if (!done) return;
    this.completing = null;
    const now = performance.now();
    if (done.catalogSince !== null) {
      this.perf.catalogOnScreenMs.push(now - done.catalogSince);
      // Beside the loader's marks (catalogLoader.ts): where a visit's time goes.
      performance.mark('catalog: first frame');
    }
    if (done.seekSince !== null) this.perf.seekDone(now - done.seekSince);
  }

  private updateSelection(timeMs: number, segment: Segment | null, immediate: boolean): void {
    if (this.selectedIndex < 0) return;
    const known =
      segment !== null && stateInSegment(segment, this.selectedIndex, this.selectedState);
    const { showOrbit, showGroundTrack } = useViewStore.getState();
    this.selection.update(timeMs, known ? this.selectedState : null, showOrbit, showGroundTrack);
    publishSelectedState(known ? this.selectedState : null, timeMs, immediate);
  }

  private hoverAt(position: Cartesian2): void {
    this.pendingHover = null;
    const id = this.pickId(position);
    const selection = useSelectionStore.getState();
    if (id !== selection.hoveredId) selection.hover(id, { x: position.x, y: position.y });
    this.widget.scene.canvas.style.cursor = id === null ? '' : 'pointer';
  }

  /** The focused globe's keys: arrows turn, +/− zoom, Home resets. True when the key was one. */
  cameraKey(key: string): boolean {
    const command = cameraCommandForKey(key);
    if (command) this.cameraStep(command);
    return command !== null;
  }

  private cameraStep(command: CameraCommand): void {
    applyCameraCommand(this.widget.camera, command);
    this.publishCamera();
    this.dirty = true;
  }

  /** The catalog number of the object drawn at a window position (CSS pixels), or null. */
  objectAt(x: number, y: number): number | null {
    return this.pickId(new Cartesian2(x, y));
  }

  private pickId(position: Cartesian2): number | null {
    // A fingertip covers several points: a wider pick window on touch screens.
    const sizePx = matchMedia('(pointer: coarse)').matches ? 24 : 5;
    const picked = this.widget.scene.pick(position, sizePx, sizePx) as CatalogPick | undefined;
    if (!picked || picked.primitive !== this.points) return null;
    return useCatalogStore.getState().objects[picked.index]?.noradCatId ?? null;
  }

  private publishCamera(): void {
    const camera = this.widget.camera;
    const c = camera.positionCartographic;
    useCameraStore.getState().settled({
      lonDeg: CesiumMath.toDegrees(c.longitude),
      latDeg: CesiumMath.toDegrees(c.latitude),
      heightKm: c.height / 1000,
      headingDeg: CesiumMath.toDegrees(camera.heading),
      pitchDeg: CesiumMath.toDegrees(camera.pitch),
    });
  }

  private applyCamera(view: CameraView): void {
    this.flyPending = false;
    this.widget.camera.setView({
      destination: Cartesian3.fromDegrees(view.lonDeg, view.latDeg, view.heightKm * 1000),
      orientation: {
        heading: CesiumMath.toRadians(view.headingDeg),
        pitch: CesiumMath.toRadians(view.pitchDeg),
        roll: 0,
      },
    });
    this.dirty = true;
  }

  private flyToSelection(): void {
    const segment = this.stream.segmentAt(simNowMs(useClockStore.getState()));
    if (this.selectedIndex < 0) return;
    const state = new Float64Array(6);
    this.flyPending = !segment || !stateInSegment(segment, this.selectedIndex, state);
    if (this.flyPending) return;
    const centre = new Cartesian3(state[0] * 1000, state[1] * 1000, state[2] * 1000);
    const altitudeM = Cartesian3.magnitude(centre) - 6_378_137;
    // Out far enough to see the object against a good part of the Earth, whatever its orbit.
    const rangeM = Math.max(4_000_000, altitudeM * 1.5);
    this.widget.camera.flyToBoundingSphere(new BoundingSphere(centre, 1), {
      duration: flightSeconds(),
      offset: new HeadingPitchRange(0, CesiumMath.toRadians(-35), rangeM),
    });
    this.dirty = true;
  }

  /**
   * Where an object is drawn on screen (CSS pixels, relative to the canvas), or null when it is
   * not drawn, is behind the Earth or lies outside the canvas. For diagnostics and tests of
   * picking.
   */
  windowPositionOf(noradCatId: number): { x: number; y: number } | null {
    const index = useCatalogStore.getState().indexById.get(noradCatId);
    const state = new Float64Array(6);
    const drawn = this.points.drawnSegment;
    if (
      index === undefined ||
      !drawn ||
      !stateInSegment({ ...drawn, tau: tauAt(drawn, this.frameTimeMs) }, index, state)
    )
      return null;
    const world = new Cartesian3(state[0] * 1000, state[1] * 1000, state[2] * 1000);
    const { scene } = this.widget;
    const camera = scene.camera.positionWC;
    const direction = Cartesian3.normalize(
      Cartesian3.subtract(world, camera, new Cartesian3()),
      new Cartesian3(),
    );
    const hit = IntersectionTests.rayEllipsoid(new Ray(camera, direction), scene.globe.ellipsoid);
    if (hit && hit.start < Cartesian3.distance(camera, world)) return null; // behind the Earth
    const position = SceneTransforms.worldToWindowCoordinates(scene, world);
    const { clientWidth, clientHeight } = scene.canvas;
    if (
      !position ||
      !(position.x >= 0 && position.x < clientWidth && position.y >= 0 && position.y < clientHeight)
    )
      return null;
    return { x: position.x, y: position.y };
  }

  destroy(): void {
    this.frames.stop();
    for (const off of this.unsubscribers) off();
    this.handler.destroy();
    this.selection.destroy();
    this.notifications.destroy();
    this.encounter.destroy();
    this.widget.destroy();
  }
}

/** Catalog numbers drawn from ephemerides (marked in their own colour). */
function ephemerisIds(): Set<number> {
  return new Set(useEphemerisStore.getState().entries.map((e) => e.id));
}
