import { useMemo, useState } from 'react';
import { chooseRenderProfile } from '../scene/renderProfile';
import { loadCatalogFile } from '../services/catalogLoader';
import { dropNotificationsOr } from '../services/notifications';
import { canEdit, useModeStore } from '../state/modeStore';
import { BriefingHud } from './BriefingHud';
import { Alerts } from './Alerts';
import { CatalogControls } from './CatalogControls';
import { ConjunctionList } from './ConjunctionList';
import { EncounterPanel } from './EncounterPanel';
import { EventAlerts } from './EventAlerts';
import { GlobeView } from './GlobeView';
import { HistoryView } from './HistoryView';
import { HoverLabel } from './HoverLabel';
import { InfoPanel } from './InfoPanel';
import { Legend } from './Legend';
import { NotificationsAlert } from './NotificationsAlert';
import { NotificationsPanel } from './NotificationsPanel';
import { ScreeningPanel } from './ScreeningPanel';
import { SearchBox } from './SearchBox';
import { ShareBar } from './ShareBar';
import { StartNote } from './StartNote';
import { StatusBar } from './StatusBar';
import { SyncBadge } from './SyncBadge';
import { TimeBar } from './TimeBar';
import { useIdleCursor } from './useIdleCursor';
import { WatchListPanel } from './WatchListPanel';

export function App() {
  const profile = useMemo(
    () => chooseRenderProfile(new URLSearchParams(location.search).get('render')),
    [],
  );
  const mode = useModeStore((s) => s.mode);
  const editable = canEdit(mode);
  const briefing = mode === 'briefing';
  const cursorHidden = useIdleCursor(briefing);
  const [dragging, setDragging] = useState(false);

  return (
    <div
      className={`app mode-${mode}${cursorHidden ? ' cursor-hidden' : ''}`}
      onDragOver={(e) => {
        if (!editable || !e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer.files[0];
        if (file && editable) void dropNotificationsOr(file, loadCatalogFile);
      }}
    >
      <GlobeView profile={profile} />
      {/* Before the other panels: where they overlap, they stay on top. */}
      {!briefing && <ConjunctionList />}
      <header className="topbar">
        <h1>Orbital Watch</h1>
        {!briefing && <SearchBox />}
        {editable && <CatalogControls />}
        {briefing && <ShareBar />}
      </header>
      {briefing && <BriefingHud />}
      <SyncBadge />
      <Alerts />
      <NotificationsAlert />
      {!briefing && <StartNote />}
      <aside className="left">
        <Legend readOnly={briefing} />
        {editable && <ScreeningPanel />}
        {editable && <WatchListPanel />}
        {!briefing && <EventAlerts />}
        <NotificationsPanel />
      </aside>
      <aside className="right">
        <EncounterPanel />
        <HistoryView />
        <InfoPanel />
      </aside>
      {!briefing && (
        <footer>
          <TimeBar />
          <div className="footer-row">
            <StatusBar />
            <ShareBar />
          </div>
        </footer>
      )}
      <HoverLabel />
      {dragging && <div className="drop-overlay">Drop a catalog file (TLE, OMM JSON/CSV/XML)</div>}
    </div>
  );
}
