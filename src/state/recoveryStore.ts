import { create } from 'zustand';
import type { WorkerDeath } from '../workers/supervisor';

/** Something the page recovered from, or is waiting to recover from; the UI words it. */
export type RecoveryEvent =
  | { kind: 'context-lost' }
  | { kind: 'context-restored' }
  | ({ kind: 'worker-died'; pool: 'propagation' | 'screening' } & WorkerDeath);

interface RecoveryState {
  event: RecoveryEvent | null;
  /** Bumps on every event, so a repeat is announced again. */
  seq: number;
  report(event: RecoveryEvent): void;
  dismiss(): void;
}

export const useRecoveryStore = create<RecoveryState>()((set) => ({
  event: null,
  seq: 0,
  report: (event) => set((s) => ({ event, seq: s.seq + 1 })),
  dismiss: () => set({ event: null }),
}));
