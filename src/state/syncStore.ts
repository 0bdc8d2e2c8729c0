import { create } from 'zustand';

/** This window's part in synced displays. */
export type SyncRole = 'leader' | 'follower' | 'solo';

interface SyncState {
  role: SyncRole;
  /** Who leads, in words, when this window follows. */
  leaderLabel: string | null;
  /** For a leader: whether any other window has joined (the badge stays quiet until one does). */
  hasFollowers: boolean;
  /** Set by the sync service: asks the other windows to follow this one. */
  takeLead: () => void;
  update(partial: Partial<Omit<SyncState, 'update'>>): void;
}

export const useSyncStore = create<SyncState>()((set) => ({
  role: 'solo',
  leaderLabel: null,
  hasFollowers: false,
  takeLead: () => undefined,
  update: (partial) => set(partial),
}));
