/**
 * Rendering profiles. "full" is the look on a real GPU; "lean" turns off what software WebGL
 * (SwiftShader, headless CI, old laptops) cannot afford: multisampling, sky, atmosphere, fog, HDR.
 * Chosen by `?render=lean|full`; the default is lean only when the browser reports a software renderer.
 */
export type RenderProfile = 'full' | 'lean';

export function detectSoftwareRenderer(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return true;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(
      info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER),
    );
    return /swiftshader|llvmpipe|software/i.test(renderer);
  } catch {
    return true;
  }
}

export function chooseRenderProfile(param: string | null): RenderProfile {
  if (param === 'lean' || param === 'full') return param;
  return detectSoftwareRenderer() ? 'lean' : 'full';
}
