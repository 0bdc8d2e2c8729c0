import {
  buildModuleUrl,
  CesiumWidget,
  EllipsoidTerrainProvider,
  ImageryLayer,
  Ion,
  TileMapServiceImageryProvider,
} from 'cesium';
import 'cesium/Build/Cesium/Widgets/widgets.css';
import type { RenderProfile } from './renderProfile';

declare global {
  interface Window {
    CESIUM_BASE_URL?: string;
  }
}

// Cesium loads its workers and assets from here, relative to the page so that the build works
// under any sub-path. Set here rather than in an inline script, which the page's CSP forbids;
// Cesium reads it on first use (the globe below), not at import.
window.CESIUM_BASE_URL = new URL('cesium/', document.baseURI).href;

/**
 * The globe, fully offline: Natural Earth II imagery shipped inside the cesium package, an
 * ellipsoid for terrain, no ion token. Nothing here requests another host.
 */
export function createGlobe(container: HTMLElement, profile: RenderProfile): CesiumWidget {
  Ion.defaultAccessToken = '';
  const lean = profile === 'lean';
  const widget = new CesiumWidget(container, {
    baseLayer: ImageryLayer.fromProviderAsync(
      TileMapServiceImageryProvider.fromUrl(buildModuleUrl('Assets/Textures/NaturalEarthII')),
    ),
    terrainProvider: new EllipsoidTerrainProvider(),
    msaaSamples: lean ? 1 : 4,
    skyBox: lean ? false : undefined,
    skyAtmosphere: lean ? false : undefined,
    requestRenderMode: true,
    maximumRenderTimeChange: Infinity,
    contextOptions: { webgl: { preserveDrawingBuffer: true } },
    // The app drives the frames (frameLoop.ts) and reports errors in its own alert.
    useDefaultRenderLoop: false,
    showRenderLoopErrors: false,
  });
  const { scene } = widget;
  scene.globe.enableLighting = false;
  if (lean) {
    scene.fog.enabled = false;
    scene.globe.showGroundAtmosphere = false;
    scene.highDynamicRange = false;
    scene.postProcessStages.fxaa.enabled = false;
    if (scene.sun) scene.sun.show = false;
    if (scene.moon) scene.moon.show = false;
  }
  // The catalog reaches GEO and beyond: let the camera see it all.
  scene.screenSpaceCameraController.maximumZoomDistance = 2.5e8;
  return widget;
}
