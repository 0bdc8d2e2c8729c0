import { create } from 'zustand';

/**
 * Who the page is for. "operator": everything. "briefing": a wall display, no editing
 * controls. "public": a read-only demo; loading, screening and settings are absent.
 */
export type AppMode = 'operator' | 'briefing' | 'public';

/** A build can fix the mode to public (VITE_PUBLIC_ONLY=true): no address can undo it. */
export const PUBLIC_ONLY = import.meta.env.VITE_PUBLIC_ONLY === 'true';

export function modeFromSearch(search: string): AppMode {
  if (PUBLIC_ONLY) return 'public';
  const mode = new URLSearchParams(search).get('mode');
  return mode === 'briefing' || mode === 'public' ? mode : 'operator';
}

interface ModeState {
  mode: AppMode;
  setMode(mode: AppMode): void;
}

export const useModeStore = create<ModeState>()((set) => ({
  mode: typeof location === 'undefined' ? 'operator' : modeFromSearch(location.search),
  setMode: (mode) => set({ mode: PUBLIC_ONLY ? 'public' : mode }),
}));

/** Loading data, running screenings and changing settings: operators only. */
export const canEdit = (mode: AppMode) => mode === 'operator';
