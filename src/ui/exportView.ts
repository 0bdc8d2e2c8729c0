/**
 * The current view as a PNG for slides: the globe as drawn plus a caption band (time, event,
 * data as of). The globe's WebGL canvas keeps its drawing buffer, so it can be copied.
 */
export async function exportViewPng(
  globeCanvas: HTMLCanvasElement,
  captionLines: string[],
): Promise<Blob> {
  const width = globeCanvas.width;
  const scale = Math.max(1, width / 1600);
  const lineHeight = Math.round(26 * scale);
  const band = lineHeight * captionLines.length + Math.round(24 * scale);
  const out = document.createElement('canvas');
  out.width = width;
  out.height = globeCanvas.height + band;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(globeCanvas, 0, 0);
  ctx.fillStyle = '#0c1018';
  ctx.fillRect(0, globeCanvas.height, width, band);
  ctx.fillStyle = '#eef2f7';
  ctx.textBaseline = 'top';
  captionLines.forEach((line, i) => {
    ctx.font = `${i === 0 ? 600 : 400} ${Math.round(20 * scale)}px system-ui, sans-serif`;
    ctx.fillText(
      line,
      Math.round(16 * scale),
      globeCanvas.height + Math.round(12 * scale) + i * lineHeight,
    );
  });
  return new Promise((resolve, reject) =>
    out.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))),
      'image/png',
    ),
  );
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
