import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseRenderProfile } from '../scene/renderProfile';
import { openObjectFile } from '../services/openFile';
import { dropNotificationsOr } from '../services/notifications';
import { canEdit, useModeStore } from '../state/modeStore';
import { BriefingHud } from './BriefingHud';
import { CatalogControls } from './CatalogControls';
import { CompactLayout } from './CompactLayout';
import { ConjunctionList } from './ConjunctionList';
import { EncounterPanel } from './EncounterPanel';
import { EventAlerts } from './EventAlerts';
import { GlobeButtons } from './GlobeButtons';
import { GlobeView } from './GlobeView';
import { HistoryView } from './HistoryView';
import { HoverLabel } from './HoverLabel';
import { InfoPanel } from './InfoPanel';
import { LanguageSwitch } from './LanguageSwitch';
import { Legend } from './Legend';
import { NotificationsPanel } from './NotificationsPanel';
import { ScreeningPanel } from './ScreeningPanel';
import { SearchBox } from './SearchBox';
import { ShareBar } from './ShareBar';
import { StageNotices } from './StageNotices';
import { StartNote } from './StartNote';
import { StatusBar } from './StatusBar';
import { TimeBar } from './TimeBar';
import { useIdleCursor } from './useIdleCursor';
import { useLayoutSize } from './useLayoutSize';
import { WatchListPanel } from './WatchListPanel';

export function App() {
  const { t } = useTranslation();
  const profile = useMemo(
    () => chooseRenderProfile(new URLSearchParams(location.search).get('render')),
    [],
  );
  const mode = useModeStore((s) => s.mode);
  const editable = canEdit(mode);
  const briefing = mode === 'briefing';
  const cursorHidden = useIdleCursor(briefing);
  const [dragging, setDragging] = useState(false);
  const size = useLayoutSize();
  // Phones and tablets get a layout of their own; the wall display keeps its own everywhere.
  if (size !== 'desktop' && !briefing) return <CompactLayout profile={profile} size={size} />;

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
        if (file && editable) void dropNotificationsOr(file, openObjectFile);
      }}
    >
      <a className="skip-link" href="#globe">
        {t('app.skipToGlobe')}
      </a>
      <header className="topbar">
        <h1>{t('app.title')}</h1>
        {!briefing && <SearchBox />}
        {editable && <CatalogControls />}
        {briefing && <ShareBar />}
      </header>
      {/* The globe and what floats on it; the panels come after it in reading order. */}
      <main className="stage">
        <GlobeView profile={profile} />
        <StageNotices />
        {!briefing && <StartNote />}
        <HoverLabel />
        {dragging && <div className="drop-overlay">{t('app.dropCatalog')}</div>}
      </main>
      <aside className="left" aria-label={t('app.leftAside')}>
        <Legend readOnly={briefing} />
        {editable && <ScreeningPanel />}
        {editable && <WatchListPanel />}
        {!briefing && <EventAlerts />}
        <NotificationsPanel />
      </aside>
      <aside className="right" aria-label={t('app.rightAside')}>
        <EncounterPanel />
        <HistoryView />
        <InfoPanel />
      </aside>
      {!briefing && <ConjunctionList />}
      {briefing && <BriefingHud />}
      {!briefing && (
        <footer>
          <TimeBar />
          <div className="footer-row">
            <StatusBar />
            <GlobeButtons />
            <ShareBar />
            <LanguageSwitch />
          </div>
        </footer>
      )}
    </div>
  );
}
