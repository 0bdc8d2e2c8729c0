import type { ConjunctionRecord } from '../domain/conjunctions/types';
import { simNowMs, useClockStore } from '../state/clockStore';
import { useConjunctionStore } from '../state/conjunctionStore';
import { useModeStore } from '../state/modeStore';
import { useSelectionStore } from '../state/selectionStore';
import { useSyncStore } from '../state/syncStore';

/**
 * Synced displays on one machine: windows of the same origin share clock and selection over a
 * BroadcastChannel. One window leads (an operator window claims the lead when none exists, any
 * window can take it); the others follow and show who leads.
 */
const CHANNEL = 'orbital-watch-sync';
const HEARTBEAT_MS = 1500;
const LEADER_TIMEOUT_MS = 5000;

interface ClockSnapshot {
  simMs: number;
  rate: number;
  playing: boolean;
  startMs: number;
}

export type SyncMessage =
  | { type: 'hello'; from: string }
  | { type: 'claim'; from: string; label: string }
  | { type: 'bye'; from: string }
  /** The leader's conjunction list, so a wall display can show and tour the same events. */
  | { type: 'events'; from: string; events: ConjunctionRecord[] }
  | {
      type: 'state';
      from: string;
      label: string;
      /** Date.now() when sent: performance.now() differs between windows. */
      sentAtMs: number;
      clock: ClockSnapshot;
      selectedId: number | null;
      eventKey: string | null;
    };

function clockSnapshot(): ClockSnapshot {
  const c = useClockStore.getState();
  return { simMs: simNowMs(c), rate: c.rate, playing: c.playing, startMs: c.startMs };
}

export function startDisplaySync(
  channel: BroadcastChannel = new BroadcastChannel(CHANNEL),
): () => void {
  const id = Math.random().toString(36).slice(2, 8);
  const mode = useModeStore.getState().mode;
  const label = `${mode === 'briefing' ? 'Wall display' : mode === 'public' ? 'Public view' : 'Operator'} ${id}`;
  const sync = useSyncStore.getState();
  let leaderId: string | null = null;
  let lastHeardMs = 0;
  let applyingRemote = false;
  // Until another window has been heard, nobody listens: the event list (up to hundreds of
  // thousands of records after a screening run) is not serialised for nobody.
  let othersHeard = false;

  const post = (message: SyncMessage) => channel.postMessage(message);
  const isLeader = () => useSyncStore.getState().role === 'leader';
  const broadcastState = () => {
    if (!isLeader() || applyingRemote) return;
    post({
      type: 'state',
      from: id,
      label,
      sentAtMs: Date.now(),
      clock: clockSnapshot(),
      selectedId: useSelectionStore.getState().selectedId,
      eventKey: useConjunctionStore.getState().selectedKey,
    });
  };
  const broadcastEvents = () => {
    if (isLeader())
      post({ type: 'events', from: id, events: useConjunctionStore.getState().events });
  };
  const lead = () => {
    leaderId = id;
    sync.update({ role: 'leader', leaderLabel: label });
    post({ type: 'claim', from: id, label });
    broadcastEvents();
    broadcastState();
  };
  sync.update({ takeLead: lead });

  channel.onmessage = (event: MessageEvent<SyncMessage>) => {
    const message = event.data;
    othersHeard = true;
    if (message.type === 'hello') {
      if (isLeader()) sync.update({ hasFollowers: true });
      broadcastEvents();
      broadcastState();
    } else if (message.type === 'events') {
      if (message.from === leaderId || !isLeader()) {
        const conjunctions = useConjunctionStore.getState();
        const keys = new Set(message.events.map((e) => e.key));
        useConjunctionStore.setState({
          events: message.events,
          version: conjunctions.version + 1,
          selectedKey:
            conjunctions.selectedKey !== null && keys.has(conjunctions.selectedKey)
              ? conjunctions.selectedKey
              : null,
        });
      }
    } else if (message.type === 'claim') {
      leaderId = message.from;
      lastHeardMs = Date.now();
      sync.update({ role: 'follower', leaderLabel: message.label });
    } else if (message.type === 'bye' && message.from === leaderId) {
      leaderId = null;
      sync.update({ role: 'solo', leaderLabel: null });
    } else if (message.type === 'state') {
      if (isLeader() && message.from !== id) {
        // Two leaders (a race at start): the lower id keeps the lead.
        if (message.from > id) return broadcastState();
      }
      leaderId = message.from;
      lastHeardMs = Date.now();
      if (
        useSyncStore.getState().role !== 'follower' ||
        useSyncStore.getState().leaderLabel !== message.label
      ) {
        sync.update({ role: 'follower', leaderLabel: message.label });
      }
      applyingRemote = true;
      try {
        const conjunctions = useConjunctionStore.getState();
        if (conjunctions.selectedKey !== message.eventKey) conjunctions.select(message.eventKey);
        const selection = useSelectionStore.getState();
        if (selection.selectedId !== message.selectedId) selection.select(message.selectedId, true);
        // The clock last: selecting an event moves it, the leader's clock is what counts.
        const { clock } = message;
        const elapsed = clock.playing ? (Date.now() - message.sentAtMs) * clock.rate : 0;
        useClockStore.getState().follow({ ...clock, simMs: clock.simMs + elapsed });
      } finally {
        applyingRemote = false;
      }
    }
  };

  const offs = [
    useClockStore.subscribe((s, prev) => {
      if (s.anchorSimMs !== prev.anchorSimMs || s.rate !== prev.rate || s.playing !== prev.playing)
        broadcastState();
    }),
    useSelectionStore.subscribe((s, prev) => s.selectedId !== prev.selectedId && broadcastState()),
    useConjunctionStore.subscribe((s, prev) => {
      if (applyingRemote) return;
      if (s.version !== prev.version && othersHeard) broadcastEvents();
      if (s.selectedKey !== prev.selectedKey) broadcastState();
    }),
  ];
  const heartbeat = setInterval(() => {
    if (isLeader()) broadcastState();
    else if (leaderId && Date.now() - lastHeardMs > LEADER_TIMEOUT_MS) {
      leaderId = null;
      sync.update({ role: 'solo', leaderLabel: null });
    }
  }, HEARTBEAT_MS);

  post({ type: 'hello', from: id });
  // No answer from a leader: an operator window leads; a wall display waits for one.
  const claimTimer = setTimeout(() => {
    if (leaderId === null && mode === 'operator') lead();
  }, 600);
  const onUnload = () => isLeader() && post({ type: 'bye', from: id });
  window.addEventListener('pagehide', onUnload);

  return () => {
    onUnload();
    offs.forEach((off) => off());
    clearInterval(heartbeat);
    clearTimeout(claimTimer);
    window.removeEventListener('pagehide', onUnload);
    channel.close();
  };
}
