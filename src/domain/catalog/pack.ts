// Element sets packed into one Float64Array: what SGP4 needs (numbers only), sent to the
// propagation workers by transfer. A structured clone of 340,000 element-set objects held the
// main thread for seconds; packing them takes milliseconds and the transfer none.
import type { CatalogObject, ElementSet, ObjectType, OrbitRegime } from './types';

/** The numeric fields SGP4 initialisation reads, in their packed order. */
const FIELDS = [
  'noradCatId',
  'epochMs',
  'meanMotionRevPerDay',
  'eccentricity',
  'inclinationDeg',
  'raOfAscNodeDeg',
  'argOfPericenterDeg',
  'meanAnomalyDeg',
  'bstar',
  'meanMotionDot',
  'meanMotionDdot',
  'elementSetNo',
  'revAtEpoch',
  'ephemerisType',
] as const satisfies readonly (keyof ElementSet)[];

export const PACKED_STRIDE = FIELDS.length;

/**
 * Element sets from `start` to `end` (exclusive), packed; into `packed` from element set
 * `at` when given (a large catalog is packed a slice at a time).
 */
export function packElements(
  elements: readonly ElementSet[],
  start = 0,
  end = elements.length,
  packed = new Float64Array((end - start) * PACKED_STRIDE),
  at = 0,
): Float64Array {
  // Spelled out, in FIELDS order: a property read by a variable name is ten times slower here.
  for (let i = start, o = at * PACKED_STRIDE; i < end; i++, o += PACKED_STRIDE) {
    const el = elements[i];
    packed[o] = el.noradCatId;
    packed[o + 1] = el.epochMs;
    packed[o + 2] = el.meanMotionRevPerDay;
    packed[o + 3] = el.eccentricity;
    packed[o + 4] = el.inclinationDeg;
    packed[o + 5] = el.raOfAscNodeDeg;
    packed[o + 6] = el.argOfPericenterDeg;
    packed[o + 7] = el.meanAnomalyDeg;
    packed[o + 8] = el.bstar;
    packed[o + 9] = el.meanMotionDot;
    packed[o + 10] = el.meanMotionDdot;
    packed[o + 11] = el.elementSetNo;
    packed[o + 12] = el.revAtEpoch;
    packed[o + 13] = el.ephemerisType;
  }
  return packed;
}

/**
 * Packed element sets back as ElementSets for SGP4: names, designators and classification are
 * not carried (empty), and nothing downstream of SGP4 initialisation reads them.
 */
export function unpackElements(packed: Float64Array): ElementSet[] {
  const elements: ElementSet[] = [];
  for (let o = 0; o + PACKED_STRIDE <= packed.length; o += PACKED_STRIDE) {
    const el: ElementSet = {
      objectName: '',
      objectId: '',
      classificationType: '',
      noradCatId: 0,
      epochMs: 0,
      meanMotionRevPerDay: 0,
      eccentricity: 0,
      inclinationDeg: 0,
      raOfAscNodeDeg: 0,
      argOfPericenterDeg: 0,
      meanAnomalyDeg: 0,
      bstar: 0,
      meanMotionDot: 0,
      meanMotionDdot: 0,
      elementSetNo: 0,
      revAtEpoch: 0,
      ephemerisType: 0,
    };
    FIELDS.forEach((field, f) => (el[field] = packed[o + f]));
    elements.push(el);
  }
  return elements;
}

/**
 * Element sets as a screening worker is sent them: SGP4's numbers packed, each object's name
 * beside them (flags name the objects). Cloned as one array and a list of strings, which takes
 * milliseconds where 26,834 element-set objects held the page for a tenth of a second per worker.
 */
export interface ShippedElements {
  packed: Float64Array;
  names: string[];
}

export const shipElements = (elements: readonly ElementSet[]): ShippedElements => ({
  packed: packElements(elements),
  names: elements.map((e) => e.objectName),
});

export function unshipElements({ packed, names }: ShippedElements): ElementSet[] {
  const elements = unpackElements(packed);
  elements.forEach((e, i) => (e.objectName = names[i]));
  return elements;
}

/** Numbers per catalog object: the packed element set, then perigee, apogee and period. */
export const OBJECT_STRIDE = PACKED_STRIDE + 3;
/** Strings per catalog object: name, designator, classification, type, regime, OMM type. */
export const OBJECT_STRINGS = 6;

/**
 * Catalog objects as columns for a message: a structured clone of plain objects arrives on the
 * other side slowly (per-object property maps) and makes objects whose properties are slow to
 * read; numbers and strings arrive fast and are made into ordinary objects there.
 */
export interface PackedCatalogObjects {
  numbers: Float64Array;
  strings: string[];
}

export function packCatalogObjects(
  objects: readonly CatalogObject[],
  start = 0,
  end = objects.length,
): PackedCatalogObjects {
  const elements = packElements(objects, start, end);
  const numbers = new Float64Array((end - start) * OBJECT_STRIDE);
  const strings: string[] = [];
  for (let i = start, n = 0, e = 0; i < end; i++, n += OBJECT_STRIDE, e += PACKED_STRIDE) {
    const o = objects[i];
    numbers.set(elements.subarray(e, e + PACKED_STRIDE), n);
    numbers[n + PACKED_STRIDE] = o.perigeeKm;
    numbers[n + PACKED_STRIDE + 1] = o.apogeeKm;
    numbers[n + PACKED_STRIDE + 2] = o.periodMin;
    strings.push(
      o.objectName,
      o.objectId,
      o.classificationType,
      o.type,
      o.regime,
      o.objectType ?? '',
    );
  }
  return { numbers, strings };
}

export function unpackCatalogObjects({ numbers, strings }: PackedCatalogObjects): CatalogObject[] {
  const objects: CatalogObject[] = [];
  for (
    let n = 0, s = 0;
    n + OBJECT_STRIDE <= numbers.length;
    n += OBJECT_STRIDE, s += OBJECT_STRINGS
  ) {
    // The same fields in the same order as deriveCatalogObject makes them.
    const object: CatalogObject = {
      objectName: strings[s],
      objectId: strings[s + 1],
      noradCatId: numbers[n],
      epochMs: numbers[n + 1],
      meanMotionRevPerDay: numbers[n + 2],
      eccentricity: numbers[n + 3],
      inclinationDeg: numbers[n + 4],
      raOfAscNodeDeg: numbers[n + 5],
      argOfPericenterDeg: numbers[n + 6],
      meanAnomalyDeg: numbers[n + 7],
      bstar: numbers[n + 8],
      meanMotionDot: numbers[n + 9],
      meanMotionDdot: numbers[n + 10],
      classificationType: strings[s + 2],
      elementSetNo: numbers[n + 11],
      revAtEpoch: numbers[n + 12],
      ephemerisType: numbers[n + 13],
      type: strings[s + 3] as ObjectType,
      regime: strings[s + 4] as OrbitRegime,
      perigeeKm: numbers[n + PACKED_STRIDE],
      apogeeKm: numbers[n + PACKED_STRIDE + 1],
      periodMin: numbers[n + PACKED_STRIDE + 2],
    };
    if (strings[s + 5]) object.objectType = strings[s + 5] as ObjectType;
    objects.push(object);
  }
  return objects;
}
