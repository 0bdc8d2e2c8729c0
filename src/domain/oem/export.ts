// A loaded ephemeris written back out as KVN: in its own frame when every segment shares one (as
// read, epochs on UTC), else in TEME, with its usable spans, interpolation and covariances.
import type { OemMessage, OemSegment } from './types';
import { writeOemKvn } from './write';

export function ephemerisToOemKvn(
  message: OemMessage,
  teme: readonly OemSegment[],
  options: { originator: string; creationDateMs: number },
): string {
  const frames = new Set(message.segments.map((s) => s.metadata.refFrame));
  const segments = frames.size === 1 ? message.segments : teme;
  const meta = message.segments[0].metadata;
  return writeOemKvn({
    objectName: meta.objectName,
    objectId: meta.objectId,
    originator: options.originator,
    creationDateMs: options.creationDateMs,
    refFrame: segments[0].metadata.refFrame,
    comments: [
      `Re-written from an OEM by ${message.header.originator || 'an unnamed originator'}, created ${message.header.creationDate}`,
    ],
    segments: segments.map((s) => ({
      states: s.states,
      useableStartMs: s.metadata.useableStartMs,
      useableStopMs: s.metadata.useableStopMs,
      interpolation: s.metadata.interpolation,
      interpolationDegree: s.metadata.interpolationDegree,
      covariances: s.covariances,
      comments: s.dataComments,
    })),
  });
}
