import { useMemo, useState } from 'react';
import { chooseRenderProfile } from '../scene/renderProfile';
import { loadCatalogFile } from '../services/catalogLoader';
import { useClockStore } from '../state/clockStore';
import { Alerts } from './Alerts';
import { CatalogControls } from './CatalogControls';
import { GlobeView } from './GlobeView';
import { HoverLabel } from './HoverLabel';
import { InfoPanel } from './InfoPanel';
import { Legend } from './Legend';
import { SearchBox } from './SearchBox';
import { StatusBar } from './StatusBar';
import { TimeBar } from './TimeBar';

export function App() {
  const profile = useMemo(
    () => chooseRenderProfile(new URLSearchParams(location.search).get('render')),
    [],
  );
  const startNote = useClockStore((s) => s.startNote);
  const [dragging, setDragging] = useState(false);

  return (
    <div
      className="app"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer.files[0];
        if (file) void loadCatalogFile(file);
      }}
    >
      <GlobeView profile={profile} />
      <header className="topbar">
        <h1>Orbital Watch</h1>
        <SearchBox />
        <CatalogControls />
      </header>
      <Alerts />
      {startNote && <p className="start-note">{startNote}</p>}
      <aside className="left">
        <Legend />
      </aside>
      <aside className="right">
        <InfoPanel />
      </aside>
      <footer>
        <TimeBar />
        <StatusBar />
      </footer>
      <HoverLabel />
      {dragging && <div className="drop-overlay">Drop a catalog file (TLE, OMM JSON/CSV/XML)</div>}
    </div>
  );
}
