import { create } from 'zustand';

interface SelectionState {
  /** Catalog number of the selected object. */
  selectedId: number | null;
  hoveredId: number | null;
  /** Where the pointer is over the globe, CSS pixels, for the hover label. */
  hoverAt: { x: number; y: number } | null;
  /** Bumps when the camera should fly to the selection (search, deep link). */
  flyRequest: number;
  select(id: number | null, flyTo?: boolean): void;
  hover(id: number | null, at?: { x: number; y: number }): void;
}

export const useSelectionStore = create<SelectionState>()((set) => ({
  selectedId: null,
  hoveredId: null,
  hoverAt: null,
  flyRequest: 0,
  select: (id, flyTo = false) =>
    set((s) => ({ selectedId: id, flyRequest: flyTo ? s.flyRequest + 1 : s.flyRequest })),
  hover: (id, at) => set({ hoveredId: id, hoverAt: id === null ? null : (at ?? null) }),
}));
