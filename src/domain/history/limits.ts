// What the event store holds at most, and the times it accepts.
export const HISTORY_SCHEMA_VERSION = 1;
/** Limits: a document's text, its events, an event's updates and acknowledgements, any label. */
export const MAX_DOCUMENT_CHARS = 256 * 1024 * 1024;
export const MAX_EVENTS = 100_000;
export const MAX_UPDATES_PER_EVENT = 1_000;
export const MAX_ACKNOWLEDGEMENTS_PER_EVENT = 1_000;
export const MAX_TEXT_LENGTH = 4_096;
/** Times outside Sputnik 1's launch … 2200 are refused as corrupt. */
export const MIN_TIME_MS = Date.UTC(1957, 9, 4);
export const MAX_TIME_MS = Date.UTC(2200, 0, 1);
