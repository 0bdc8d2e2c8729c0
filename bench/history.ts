// Event history benchmark: `npm run bench:history` (tsx bench/history.ts).
//  1. Importing 1,000 CDMs: the 53 real CARA test CDMs (PcTestCaseCDMs), each re-issued as
//     successive updates (new MESSAGE_ID, CREATION_DATE 8 h apart) up to 1,000 KVN texts; parse →
//     records (with the 2D Pc) → updates → mergeUpdates, in one call and one file at a time.
//  2. Loading an event store of 10,000 events × 20 updates (screening updates with states and a
//     maximum Pc, as a watch-list re-screening writes them): the document as JSON text and as a
//     structured clone (what IndexedDB gives back), validated and built into histories.
// Each figure: wall time, and in brackets the CPU time of the process (GC threads included).
import { readdirSync, readFileSync } from 'node:fs';
import { parseCdm } from '../src/domain/cdm/parse';
import { writeCdmKvn } from '../src/domain/cdm/writeKvn';
import { recordFromCdm } from '../src/domain/conjunctions/records';
import type { ConjunctionRecord } from '../src/domain/conjunctions/types';
import {
  type ConjunctionEventHistory,
  type EventUpdate,
  historiesFromDocument,
  historiesToDocument,
  mergeUpdates,
  updateFromRecord,
} from '../src/domain/history';
import { pairStates } from '../src/domain/history/testSupport';
import { sharedDataPath } from '../src/testing/sharedData';

/** Wall time and this process's CPU time (all threads, GC included) since a start. */
const clock = () => ({ wall: performance.now(), cpu: process.cpuUsage() });
const ms = (start: ReturnType<typeof clock>) => {
  const cpu = process.cpuUsage(start.cpu);
  return `${(performance.now() - start.wall).toFixed(0)} ms (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)})`;
};
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

function cdmImport(): void {
  const dir = sharedDataPath('cara-pc-test-data', 'raw', 'PcTestCaseCDMs');
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith('.cdm'))
    .sort()
    .map((f) => parseCdm(readFileSync(`${dir}/${f}`, 'utf8')).messages[0]);
  const texts: { name: string; text: string }[] = [];
  for (let k = 0; texts.length < 1000; k++) {
    for (const m of sources) {
      if (texts.length === 1000) break;
      const copy = structuredClone(m);
      copy.header.messageId = `${m.header.messageId}_U${k + 1}`;
      copy.header.creationDateMs = m.header.creationDateMs + k * 8 * 3_600_000;
      texts.push({ name: `${copy.header.messageId}.cdm`, text: writeCdmKvn(copy) });
    }
  }
  const chars = texts.reduce((a, t) => a + t.text.length, 0);
  console.log(`== import 1,000 CDMs (${sources.length} real events, ${mb(chars)} of KVN) ==`);
  let t = clock();
  const messages = texts.map((x) => ({ name: x.name, msg: parseCdm(x.text).messages[0] }));
  const tParse = ms(t);
  t = clock();
  const records = messages.map((x) => recordFromCdm(x.msg, x.name));
  const tRecords = ms(t);
  t = clock();
  const updates = records.map((r) => updateFromRecord(r));
  const tUpdates = ms(t);
  t = clock();
  const histories = mergeUpdates([], updates);
  const tMerge = ms(t);
  t = clock();
  let oneByOne: ConjunctionEventHistory[] = [];
  for (const u of updates) oneByOne = mergeUpdates(oneByOne, [u]);
  const tOneByOne = ms(t);
  console.log(
    `parse ${tParse}, records with 2D Pc ${tRecords}, updates (σ, Mahalanobis) ${tUpdates}, ` +
      `mergeUpdates ${tMerge} in one call, ${tOneByOne} one file at a time`,
  );
  console.log(
    `→ ${histories.length} events, ${histories.reduce((a, h) => a + h.updates.length, 0)} updates ` +
      `(${oneByOne.length} events one at a time)`,
  );
}

function storeLoad(): void {
  const EVENTS = 10_000;
  const UPDATES = 20;
  const t0Ms = Date.parse('2026-11-01T00:00:00Z');
  const states = pairStates(6778, 6800);
  const histories: ConjunctionEventHistory[] = [];
  let t = clock();
  for (let e = 0; e < EVENTS; e++) {
    const id1 = 10_000 + e;
    const tcaMs = t0Ms + 7 * 86_400_000 * (e / EVENTS);
    const updates: EventUpdate[] = [];
    for (let k = 0; k < UPDATES; k++) {
      const record: ConjunctionRecord = {
        key: `${id1}-99999@${new Date(tcaMs).toISOString()}`,
        source: 'screening',
        sourceLabel: `run ${k}`,
        id1,
        id2: 99_999,
        designator1: String(id1),
        designator2: '99999',
        name1: `OBJECT ${id1}`,
        name2: 'WATCHED 99999',
        tcaMs,
        rangeKm: 1 + k / 10,
        relSpeedKmS: 10.5,
        ricKm: [0.1, 1 + k / 10, 0.2],
        dse1: 0.4,
        dse2: 1.2,
        pc: {
          value: 1e-4 / (k + 1),
          method: 'MAXIMUM',
          kind: 'maximum',
          hbrM: 10,
          hbrSource: 'DEFAULT',
        },
        states,
      };
      updates.push(updateFromRecord(record, { createdMs: tcaMs - (UPDATES - k) * 3_600_000 }));
    }
    histories.push({
      eventId: `${id1}-99999@${new Date(tcaMs).toISOString()}`,
      designator1: String(id1),
      designator2: '99999',
      name1: `OBJECT ${id1}`,
      name2: 'WATCHED 99999',
      updates,
      acknowledgements: [],
    });
  }
  const tBuild = ms(t);
  console.log(`\n== event store: ${EVENTS.toLocaleString('en-US')} events × ${UPDATES} updates ==`);
  // One form of the store alive at a time, as in the app (the heap's size drives GC time).
  t = clock();
  const text = JSON.stringify(historiesToDocument(histories));
  const tWrite = ms(t);
  console.log(`built in ${tBuild}; document ${mb(text.length)} of JSON, written in ${tWrite}`);
  console.log(`structured clone (IndexedDB read-back): ${fromClone(histories)}`);
  histories.length = 0;
  console.log(`JSON text (import): ${fromText(text)}; RSS ${mb(process.memoryUsage().rss)}`);
}

function fromClone(histories: readonly ConjunctionEventHistory[]): string {
  const clone = structuredClone(historiesToDocument(histories));
  const t = clock();
  const r = historiesFromDocument(clone);
  return `validate and build ${ms(t)} → ${r.histories.length} events, ${r.rejected.length} rejected`;
}

function fromText(text: string): string {
  let t = clock();
  const parsed: unknown = JSON.parse(text);
  const tParse = ms(t);
  t = clock();
  const r = historiesFromDocument(parsed);
  return (
    `parse ${tParse} + validate and build ${ms(t)} → ${r.histories.length} events, ` +
    `${r.rejected.length} rejected`
  );
}

cdmImport();
storeLoad();
