import { create } from 'zustand';

export type ColorBy = 'type' | 'regime';

interface ViewState {
  colorBy: ColorBy;
  showOrbit: boolean;
  showGroundTrack: boolean;
  setColorBy(colorBy: ColorBy): void;
  setShowOrbit(show: boolean): void;
  setShowGroundTrack(show: boolean): void;
}

export const useViewStore = create<ViewState>()((set) => ({
  colorBy: 'type',
  showOrbit: true,
  showGroundTrack: false,
  setColorBy: (colorBy) => set({ colorBy }),
  setShowOrbit: (showOrbit) => set({ showOrbit }),
  setShowGroundTrack: (showGroundTrack) => set({ showGroundTrack }),
}));
