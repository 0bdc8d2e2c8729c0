// The published schema (public/schemas/launch-notification.schema.json) and the checks in
// validate.ts describe the same format: this keeps them in step.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAUNCH_SITES } from './sites';
import { HAZARD_KINDS, NOTIFICATION_KINDS } from './types';
import { DESIGNATOR_PATTERN, ID_PATTERN, NOTIFICATION_FIELDS } from './validate';

const schema = JSON.parse(
  readFileSync(
    resolve(__dirname, '../../../public/schemas/launch-notification.schema.json'),
    'utf8',
  ),
);
const notification = schema.$defs.notification;

describe('launch notification schema', () => {
  it('lists exactly the fields, kinds and required fields the checks use', () => {
    expect(Object.keys(notification.properties).sort()).toEqual([...NOTIFICATION_FIELDS].sort());
    expect(notification.required).toEqual(['id', 'party', 'kind', 'site', 'window', 'azimuthDeg']);
    expect(notification.additionalProperties).toBe(false);
    expect(notification.properties.kind.enum).toEqual([...NOTIFICATION_KINDS]);
    expect(notification.properties.hazardAreas.items.properties.kind.enum).toEqual([
      ...HAZARD_KINDS,
    ]);
  });

  it('enumerates the built-in site ids', () => {
    expect(notification.properties.site.oneOf[0].properties.siteId.enum).toEqual(
      LAUNCH_SITES.map((s) => s.id),
    );
  });

  it('uses the same patterns for id and designator', () => {
    expect(notification.properties.id.pattern).toBe(ID_PATTERN.source);
    expect(notification.properties.intlDesignator.pattern).toBe(DESIGNATOR_PATTERN.source);
  });
});
