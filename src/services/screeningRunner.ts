import type { ScreeningEphemeris } from '../domain/screening/types';
import { useCatalogStore } from '../state/catalogStore';
import { compareManoeuvre } from '../domain/screening/compare';
import { ephemerisEventPc } from '../domain/screening/ephemerisPc';
import { ScreeningInputError } from '../domain/screening/inputIssues';
import type { RunDescription, ScreeningScope } from '../domain/screening/runs';
import type { ScreeningOptions, ScreeningResult } from '../domain/screening/types';
import { useConjunctionStore } from '../state/conjunctionStore';
import { nominalEntries, useEphemerisStore, type LoadedEphemeris } from '../state/ephemerisStore';
import {
  screeningFailureText,
  useScreeningStore,
  type ScreeningFailure,
  type ScreeningRequest,
} from '../state/screeningStore';
import { useRecoveryStore } from '../state/recoveryStore';
import {
  defaultScreeningPoolSize,
  ScreeningCancelled,
  screenInBrowser,
} from '../workers/screeningPool';
import { recordScreeningRun } from './eventHistory';
import { yieldToPage } from './slices';
import { WorkerDiedError } from '../workers/supervisor';

let controller: AbortController | null = null;

/**
 * Screen the loaded catalog in the browser's worker pool; the events become updates of the event
 * history (events the run covered but no longer finds are marked dropped), described by `run` (by
 * default the window, threshold and primaries). Progress and failures go to the screening store. Returns whether
 * the run finished.
 */
export async function runScreening(
  asked: ScreeningRequest,
  run?: RunDescription,
): Promise<boolean> {
  const store = useScreeningStore.getState();
  if (store.running) return false;
  // Ephemeris-only objects are screened from their OEM, never from their descriptive elements.
  const objects = useCatalogStore.getState().objects.filter((o) => !o.ephemerisOnly);
  const entries = useEphemerisStore.getState().entries;
  const ephemerides = nominalEntries(entries).map(asScreening);
  // A planned manoeuvre is screened in a second run, in place of its nominal (under its number).
  const planned = entries.find((e) => e.plannedFor !== null);
  const nominal = planned && entries.find((e) => e.fileName === planned.plannedFor);
  // As the CLI: with ephemerides loaded and no primaries named, the ephemerides are the primaries.
  const request =
    asked.primaries.length === 0 && ephemerides.length > 0
      ? { ...asked, primaries: ephemerides.map((e) => e.id) }
      : asked;
  if (objects.length + ephemerides.length < 2) {
    fail({ code: 'tooFewObjects' });
    return false;
  }
  controller = new AbortController();
  store.set({
    running: true,
    chunksDone: 0,
    chunkCount: 0,
    eventsBuilt: null,
    error: null,
    failure: null,
  });
  const started = performance.now();
  const signal = controller.signal;
  const screen = (ephs: ScreeningEphemeris[]): Promise<ScreeningResult> =>
    screenInBrowser(
      objects,
      {
        startMs: request.startMs,
        durationHours: request.durationHours,
        thresholdKm: request.thresholdKm,
        primaries: request.primaries,
        ephemerides: ephs,
      } satisfies ScreeningOptions,
      (p) =>
        useScreeningStore.getState().set({ chunksDone: p.chunksDone, chunkCount: p.chunkCount }),
      signal,
      defaultScreeningPoolSize(),
      {
        onDeath: (death) =>
          useRecoveryStore.getState().report({ kind: 'worker-died', pool: 'screening', ...death }),
      },
      undefined,
      yieldToPage,
    );
  try {
    const result = await screen(ephemerides);
    const screenedMs = performance.now() - started;
    const comparison =
      planned && nominal
        ? await comparePlanned(planned, nominal, ephemerides, result, screen)
        : null;
    const scope: ScreeningScope = asked.primaries.length
      ? { kind: 'primaries', count: request.primaries.length }
      : ephemerides.length
        ? { kind: 'ephemerides', count: ephemerides.length }
        : { kind: 'allVsAll' };
    await recordScreeningRun(
      result,
      run ?? {
        kind: 'screening',
        startMs: request.startMs,
        hours: request.durationHours,
        thresholdKm: request.thresholdKm,
        scope,
      },
      request,
      Date.now(),
      ephemerides,
      (done, total) => useScreeningStore.getState().set({ eventsBuilt: { done, total } }),
    );
    useScreeningStore.getState().set({
      last: {
        request,
        events: result.events.length,
        flagged: result.flags.length,
        wallMs: performance.now() - started,
        screenMs: screenedMs,
        stats: result.stats,
        coverage: result.ephemerides ?? [],
        comparison,
      },
    });
    return true;
  } catch (error) {
    fail(
      error instanceof ScreeningCancelled
        ? { code: 'cancelled' }
        : error instanceof ScreeningInputError
          ? { code: 'input', issue: error.issue }
          : error instanceof WorkerDiedError
            ? { code: 'workerDied', detail: error.message }
            : { code: 'failed', detail: error instanceof Error ? error.message : String(error) },
    );
    return false;
  } finally {
    controller = null;
    useScreeningStore.getState().set({ running: false, eventsBuilt: null });
  }
}

function fail(failure: ScreeningFailure): void {
  useScreeningStore.getState().set({ error: screeningFailureText(failure), failure });
}

/** A loaded OEM as a screening object (its catalog number settled by drawnObjects). */
function asScreening(e: LoadedEphemeris): ScreeningEphemeris {
  const meta = e.message.segments[0].metadata;
  return {
    id: e.id,
    name: meta.objectName,
    label: `${e.fileName} (${meta.objectId})`,
    objectId: meta.objectId,
    segments: e.teme,
  };
}

/**
 * Screen again with the planned manoeuvre in place of its nominal (under the nominal's number, so
 * it stands in for the same catalog object) and compare the two runs' events of that object.
 */
async function comparePlanned(
  planned: LoadedEphemeris,
  nominal: LoadedEphemeris,
  ephemerides: ScreeningEphemeris[],
  nominalResult: ScreeningResult,
  screen: (ephs: ScreeningEphemeris[]) => Promise<ScreeningResult>,
) {
  const swapped = ephemerides.map((e) =>
    e.id === nominal.id ? { ...asScreening(planned), id: nominal.id } : e,
  );
  const plannedResult = await screen(swapped);
  const hbrM = useConjunctionStore.getState().settings.defaultHbrM;
  return {
    objectName: nominal.message.segments[0].metadata.objectName,
    nominalFile: nominal.fileName,
    plannedFile: planned.fileName,
    plannedCoverage: plannedResult.ephemerides?.find((c) => c.id === nominal.id) ?? null,
    result: compareManoeuvre(nominal.id, nominalResult.events, plannedResult.events, {
      nominal: (e) => ephemerisEventPc(e, ephemerides, hbrM),
      planned: (e) => ephemerisEventPc(e, swapped, hbrM),
    }),
  };
}

export function cancelScreening(): void {
  controller?.abort();
}
