// A conjunction event over time: one unordered pair of objects and one close approach, with every
// update any source gave of it (our screening runs, imported CDMs, imported SOCRATES lists). The
// watch officer judges the event by how these updates evolve, not by the latest one alone.
import type { ConjunctionRecord } from '../conjunctions/types';
import type { Vec3 } from '../probability/linalg';

/** Where one update came from. */
export type UpdateOrigin =
  | {
      source: 'screening';
      /** The run's label (what was screened, when). */
      runLabel: string;
      /** Epochs of the two element sets behind the run, UTC ms (object 1, object 2). */
      elementEpochsMs?: [number, number];
    }
  | { source: 'cdm'; originator: string; messageId: string; fileName: string }
  | { source: 'socrates'; fileName: string };

/** One update of an event: what one source said about the close approach at one time. */
export interface EventUpdate {
  /**
   * Unique per update and stable: the same CDM (originator + message id), the same SOCRATES
   * report or the same screening run imported twice gives the same id, so it is kept once.
   */
  updateId: string;
  origin: UpdateOrigin;
  /** When the source produced it (CDM CREATION_DATE, SOCRATES report time, screening run time), UTC ms. */
  createdMs: number;
  tcaMs: number;
  missKm: number;
  /** Miss vector (object 2 − object 1) in object 1's radial/transverse/normal frame, km. */
  missRtnKm?: Vec3;
  relSpeedKmS: number;
  pc?: number;
  pcMethod?: string;
  pcKind?: 'covariance' | 'maximum';
  /** Combined 1σ position uncertainty along object 1's R, T, N, m (only where covariances are known). */
  sigmaRtnM?: Vec3;
  /** Miss distance in combined-covariance sigmas on the encounter plane (covariances known). */
  mahalanobis?: number;
  /** Days from each object's element or OD epoch to TCA (object 1, object 2). */
  ageDays?: [number | undefined, number | undefined];
  hbrM?: number;
  /** The full record, for the encounter panel's geometry (states, covariances, CDM). */
  record: ConjunctionRecord;
}

/**
 * new: one update so far; rising / falling / steady: the probability's trend over the last two
 * updates; dropped: the latest screening that covered both objects no longer finds it (kept, not
 * deleted); past: TCA has passed.
 */
export type EventStatus = 'new' | 'rising' | 'falling' | 'steady' | 'dropped' | 'past';

export interface EventAcknowledgement {
  /** The alert acknowledged (see alerts). */
  alertId: string;
  atMs: number;
}

export interface ConjunctionEventHistory {
  /** `<designator a>-<designator b>@<first update's TCA, ISO 8601 ms>` with a < b: stable for the event's life. */
  eventId: string;
  /** The pair, in the order of the first update (its RTN frame is object 1's). */
  designator1: string;
  designator2: string;
  name1: string;
  name2: string;
  /** In order of creation (createdMs, then updateId). */
  updates: EventUpdate[];
  /** Set when the latest screening of both objects no longer found the event. */
  droppedAtMs?: number;
  acknowledgements: EventAcknowledgement[];
  /** Archived by the archive rule (TCA long past): kept in the store, out of the working list. */
  archived?: boolean;
}
