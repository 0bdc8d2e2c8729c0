/**
 * Launch notifications: a notified launch (space launch, ballistic missile test, other) with
 * its site, window, azimuth corridor and optional hazard areas. Two forms: the JSON form people
 * write and exchange (`LaunchNotificationJson`, documented by
 * public/schemas/launch-notification.schema.json), and the checked form the app uses
 * (`LaunchNotification`), with the site resolved and times in milliseconds.
 */
import type { NotificationIssue } from './issues';

// A file that cannot be read as notifications at all (bad JSON, wrong shape, bad CSV header).
export { NotificationFormatError } from './issues';
export type { NotificationIssue } from './issues';

export const NOTIFICATION_KINDS = ['space-launch', 'ballistic-missile-test', 'other'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const HAZARD_KINDS = ['hazard', 'impact'] as const;
export type HazardKind = (typeof HAZARD_KINDS)[number];

/** [longitude, latitude] in degrees, as GeoJSON orders them. */
export type LonLat = [number, number];

export interface HazardArea {
  name?: string;
  kind: HazardKind;
  /** Closed ring: at least 4 points, the first equal to the last. */
  polygon: LonLat[];
}

export interface TargetOrbit {
  inclinationDeg?: number;
  altitudeKm?: number;
}

export interface NotificationSite {
  /** The built-in site's id, when the notification named one. */
  siteId?: string;
  name: string;
  latDeg: number;
  lonDeg: number;
}

/** A checked notification. */
export interface LaunchNotification {
  id: string;
  /** The notifying party (a state or an operator). */
  party: string;
  kind: NotificationKind;
  vehicle?: string;
  site: NotificationSite;
  windowStartMs: number;
  windowEndMs: number;
  /** Clockwise from `minDeg` to `maxDeg` (wrapping through north when min > max); equal for one azimuth. */
  azimuth: { minDeg: number; maxDeg: number };
  hazardAreas: HazardArea[];
  targetOrbit?: TargetOrbit;
  /** International designator of the launch once assigned ("2024-191"), or of one object. */
  intlDesignator?: string;
  remarks?: string;
}

/** The JSON form of one notification (see the schema file). */
export interface LaunchNotificationJson {
  id: string;
  party: string;
  kind: NotificationKind;
  vehicle?: string;
  site: { siteId: string } | { latDeg: number; lonDeg: number; name?: string };
  window: { start: string; end: string };
  azimuthDeg: number | { min: number; max: number };
  hazardAreas?: { name?: string; kind?: HazardKind; polygon: LonLat[] }[];
  targetOrbit?: TargetOrbit;
  intlDesignator?: string;
  remarks?: string;
}

export const NOTIFICATION_SCHEMA_VERSION = 1;

/** A notification file as the app writes it. */
export interface NotificationDocument {
  schemaVersion: typeof NOTIFICATION_SCHEMA_VERSION;
  notifications: LaunchNotificationJson[];
}

/** A notification of a file that was not loaded, and why. */
export interface RejectedNotification {
  /** 1-based position in the file (JSON: array item; CSV: data row). */
  index: number;
  /** The notification's id when it had a usable one. */
  id?: string;
  /** 1-based line number (CSV only). */
  line?: number;
  issues: NotificationIssue[];
}

export interface ParsedNotifications {
  format: 'JSON' | 'CSV';
  notifications: LaunchNotification[];
  rejected: RejectedNotification[];
}
