// Why a parameter of the page's address was ignored: a code and its values, worded in English
// here (the tests and logs) and by the interface in the reader's language. The address's size
// limits are LimitIssues (src/domain/limits.ts) and come along in the same list.
import { codesOf, type MessageTemplates, type MessageValues } from './messages';
import type { LinkIssue } from './conjunctions/fromLink';
import { isLimitCode, limitIssueText, type LimitIssue } from './limits';

const TEMPLATES = {
  unknownParameter: (v) => `Ignored unknown parameter "${v.key}"`,
  badMode: (v) => `Ignored mode=${v.value}: expected briefing or public`,
  badSafe: (v) => `Ignored safe=${v.value}: expected 1`,
  badLang: (v) => `Ignored lang=${v.value}: expected en or zh`,
  catalogForeign: (v) => `Ignored catalog=${v.value}: this public view loads only its own data`,
  badCatalog: (v) =>
    `Ignored catalog=${v.value}: expected "snapshot", "none", "celestrak:<group>" or an http(s) URL`,
  badTime: (v) => `Ignored t=${v.value}: not an ISO 8601 UTC time`,
  badSelection: (v) => `Ignored sel=${v.value}: not a catalog number`,
  selectionNotLoaded: (v) => `Ignored sel=${v.value}: not in the loaded catalog`,
  badCamera: (v) => `Ignored cam=${v.value}: expected lon,lat,heightKm,heading,pitch`,
  noSnapshot: () => 'This build has no offline snapshot',
  badTour: (v) => `Ignored tour=${v.value}: expected pc or miss`,
  badTop: (v) => `Ignored top=${v.value}: expected a whole number from 1 to 100`,
  badDwell: (v) => `Ignored dwell=${v.value}: expected seconds from 2 to 600`,
  badWatch: (v) => `Ignored watch=${v.value}: expected 1 (watch-list events only) or 0`,
  // `reason` is the English of the issue's `link` (eventFromCatalog).
  eventLink: (v) => `Event link ${v.key}: ${v.reason}`,
} satisfies MessageTemplates;

export type AddressCode = keyof typeof TEMPLATES;
export const ADDRESS_CODES = codesOf(TEMPLATES);

export type AddressIssue =
  | {
      code: AddressCode;
      values: MessageValues;
      /** eventLink: why the event cannot be recomputed, for the interface to word. */
      link?: LinkIssue;
    }
  | LimitIssue;

export function addressIssueText(issue: AddressIssue): string {
  return isLimitCode(issue.code)
    ? limitIssueText(issue as LimitIssue)
    : TEMPLATES[issue.code](issue.values);
}

export const addressIssue = (code: AddressCode, values: MessageValues = {}): AddressIssue => ({
  code,
  values,
});
