import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { RenderProfile } from '../scene/renderProfile';
import { startConjunctionUrlSync, useConjunctionStore } from '../state/conjunctionStore';
import { canEdit, useModeStore } from '../state/modeStore';
import { useSelectionStore } from '../state/selectionStore';
import { CatalogControls } from './CatalogControls';
import { ConjunctionList } from './ConjunctionList';
import { EncounterPanel } from './EncounterPanel';
import { EventAlerts } from './EventAlerts';
import { GlobeButtons } from './GlobeButtons';
import { GlobeView } from './GlobeView';
import { StageNotices } from './StageNotices';
import { HoverLabel } from './HoverLabel';
import { HistoryView } from './HistoryView';
import { InfoPanel } from './InfoPanel';
import { LanguageSwitch } from './LanguageSwitch';
import { Legend } from './Legend';
import { NotificationsPanel } from './NotificationsPanel';
import { ScreeningPanel } from './ScreeningPanel';
import { SearchBox } from './SearchBox';
import { ShareBar } from './ShareBar';
import { StartNote } from './StartNote';
import { CompactStatus, StatusDetails } from './StatusBar';
import { CompactTimeBar } from './TimeBar';
import type { LayoutSize } from './useLayoutSize';
import { WatchListPanel } from './WatchListPanel';

type SheetId = 'legend' | 'events' | 'details' | 'data' | 'more';

interface Sheet {
  id: SheetId;
  label: string;
  title: string;
  body: ReactNode;
}

function sheets(editable: boolean, t: TFunction): Sheet[] {
  const all: (Sheet | false)[] = [
    { id: 'legend', label: t('compact.legend'), title: t('compact.legendTitle'), body: <Legend /> },
    {
      id: 'events',
      label: t('compact.events'),
      title: t('compact.events'),
      body: (
        <>
          <EventAlerts />
          <ConjunctionList />
        </>
      ),
    },
    { id: 'details', label: t('compact.details'), title: t('compact.details'), body: <Details /> },
    editable && {
      id: 'data',
      label: t('compact.data'),
      title: t('compact.data'),
      body: (
        <>
          <CatalogControls />
          <ScreeningPanel />
          <WatchListPanel />
        </>
      ),
    },
    {
      id: 'more',
      label: t('compact.more'),
      title: t('compact.moreTitle'),
      body: (
        <>
          <div className="statusbar sheet-status">
            <StatusDetails />
          </div>
          <ShareBar />
          <NotificationsPanel />
        </>
      ),
    },
  ];
  return all.filter((s): s is Sheet => s !== false);
}

function Details() {
  const { t } = useTranslation();
  const selected = useSelectionStore((s) => s.selectedId !== null);
  const eventOpen = useConjunctionStore((s) => s.selectedKey !== null);
  return (
    <>
      <EncounterPanel />
      <HistoryView />
      <InfoPanel />
      {!selected && !eventOpen && <p className="muted">{t('compact.nothingSelected')}</p>}
    </>
  );
}

/**
 * Phones and tablets: the globe gets the screen; every panel is a sheet, one open at a time, that
 * closes with its tab, its × button, a tap on the globe or Escape. Header, globe and footer are
 * stacked, not layered, so nothing covers the time bar or the tabs.
 */
export function CompactLayout({ profile, size }: { profile: RenderProfile; size: LayoutSize }) {
  const { t } = useTranslation();
  const mode = useModeStore((s) => s.mode);
  const all = sheets(canEdit(mode), t);
  const [openId, setOpenId] = useState<SheetId | null>(null);
  const open = all.find((s) => s.id === openId) ?? null;
  const tabs = useRef<Partial<Record<SheetId, HTMLButtonElement | null>>>({});

  const close = () => {
    if (!openId) return;
    tabs.current[openId]?.focus();
    setOpenId(null);
  };

  // The event list keeps the address in step only while mounted; here it comes and goes.
  useEffect(() => startConjunctionUrlSync(), []);

  // A new selection or event shows its details.
  useEffect(() => {
    const show = () => setOpenId('details');
    const offSelection = useSelectionStore.subscribe(
      (s, prev) => s.selectedId !== null && s.selectedId !== prev.selectedId && show(),
    );
    const offEvent = useConjunctionStore.subscribe(
      (s, prev) => s.selectedKey !== null && s.selectedKey !== prev.selectedKey && show(),
    );
    return () => {
      offSelection();
      offEvent();
    };
  }, []);

  return (
    <div
      className={`app layout-compact layout-${size} mode-${mode}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open && !e.defaultPrevented) close();
      }}
    >
      <a className="skip-link" href="#globe">
        {t('app.skipToGlobe')}
      </a>
      <header className="topbar">
        <h1>{t('app.title')}</h1>
        <SearchBox />
        <LanguageSwitch short />
      </header>
      <main className="stage">
        <GlobeView profile={profile} />
        <StageNotices />
        <HoverLabel />
        {/* Over the globe's top edge, away while a sheet covers the globe. */}
        {!open && <GlobeButtons />}
        {open && (
          <>
            {/* A tap on the globe around the sheet closes it; keyboards have Escape and ×. */}
            <div className="sheet-backdrop" aria-hidden="true" onClick={close} />
            <section id="sheet" className="sheet" aria-label={open.title}>
              <header className="sheet-header">
                <h2>{open.title}</h2>
                <button type="button" className="close" aria-label={t('app.close')} onClick={close}>
                  ×
                </button>
              </header>
              <div className="sheet-body">{open.body}</div>
            </section>
          </>
        )}
      </main>
      <footer>
        <StartNote />
        <CompactTimeBar />
        <CompactStatus />
        <nav className="sheet-tabs" aria-label={t('compact.panels')}>
          {all.map((s) => (
            <button
              key={s.id}
              ref={(el) => {
                tabs.current[s.id] = el;
              }}
              type="button"
              aria-expanded={openId === s.id}
              aria-controls={openId === s.id ? 'sheet' : undefined}
              onClick={() => setOpenId(openId === s.id ? null : s.id)}
            >
              {s.label}
            </button>
          ))}
        </nav>
      </footer>
    </div>
  );
}
