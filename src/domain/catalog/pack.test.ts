import { describe, expect, it } from 'vitest';
import { ISS_2024_10_31, testElements } from '../../testing/elements';
import { deriveCatalogObject } from './derive';
import {
  PACKED_STRIDE,
  packCatalogObjects,
  packElements,
  unpackCatalogObjects,
  shipElements,
  unpackElements,
  unshipElements,
} from './pack';

describe('packed element sets', () => {
  const elements = [ISS_2024_10_31, testElements({ noradCatId: 339_999, eccentricity: 0.7 })];

  it('carries every number SGP4 reads, exactly, and no names', () => {
    const back = unpackElements(packElements(elements));
    expect(back).toHaveLength(2);
    back.forEach((el, i) => {
      expect({ ...el, objectName: '', objectId: '', classificationType: '' }).toEqual({
        ...elements[i],
        objectName: '',
        objectId: '',
        classificationType: '',
        objectType: undefined,
      });
      expect(el.objectName).toBe('');
    });
  });

  it('packs a slice from start to end', () => {
    const packed = packElements(elements, 1, 2);
    expect(packed).toHaveLength(PACKED_STRIDE);
    expect(unpackElements(packed)[0].noradCatId).toBe(339_999);
  });

  it('packs slices one after another into one array, as the whole at once', () => {
    const packed = new Float64Array(2 * PACKED_STRIDE);
    packElements(elements, 1, 2, packed, 1);
    packElements(elements, 0, 1, packed, 0);
    expect(packed).toEqual(packElements(elements));
  });

  it('shipped to a screening worker: the numbers and each name, through a structured clone', () => {
    const back = unshipElements(structuredClone(shipElements(elements)));
    back.forEach((el, i) => {
      expect(el.objectName).toBe(elements[i].objectName);
      expect({ ...el, objectId: '', classificationType: '' }).toEqual({
        ...elements[i],
        objectId: '',
        classificationType: '',
        objectType: undefined,
      });
    });
    expect(back[0].objectName).toBe('ISS (ZARYA)');
  });
});

describe('packed catalog objects', () => {
  it('come back equal to the objects packed, OMM object type present or not', () => {
    const objects = [
      deriveCatalogObject(ISS_2024_10_31),
      deriveCatalogObject(testElements({ objectName: 'X DEB', objectType: 'DEBRIS' })),
    ];
    const back = unpackCatalogObjects(packCatalogObjects(objects));
    expect(back).toStrictEqual(objects);
    expect(Object.keys(back[1])).toEqual(Object.keys(objects[1]));
  });

  it('packs a slice', () => {
    const objects = [ISS_2024_10_31, testElements()].map(deriveCatalogObject);
    expect(unpackCatalogObjects(packCatalogObjects(objects, 1, 2))).toStrictEqual([objects[1]]);
  });
});
