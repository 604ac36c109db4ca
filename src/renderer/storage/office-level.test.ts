import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CITY_OFFICE } from '@core/districts';
import type { LedgerDb } from './db';
import { freshStoreEachTest } from '../../../test/builders/fresh-store';
import { getDistrict } from './repositories';
import { changeDistrict } from './settings';
import { loadOfficeLevel, saveOfficeLevel } from './rounds';

let db: LedgerDb;
freshStoreEachTest('office-level', (d) => (db = d));

describe('the office set up as the city’s (武汉市) or a district’s', () => {
  it('first start as 武汉市 makes the office 市级; moving to a district makes it 区级 again', async () => {
    expect(await loadOfficeLevel(db)).toBe('district');
    await changeDistrict(db, CITY_OFFICE);
    expect(await getDistrict(db)).toBe(CITY_OFFICE);
    expect(await loadOfficeLevel(db)).toBe('city');
    // The level of the city's office is not the setting's to change.
    await saveOfficeLevel(db, 'district');
    expect(await loadOfficeLevel(db)).toBe('city');
    await changeDistrict(db, '汉阳区');
    expect(await loadOfficeLevel(db)).toBe('district');
  });

  it('an earlier city office kept under a district’s name stays 市级 when it changes district, and becomes the city’s', async () => {
    await changeDistrict(db, '江岸区');
    await saveOfficeLevel(db, 'city');
    await changeDistrict(db, '武昌区');
    expect(await loadOfficeLevel(db)).toBe('city');
    await changeDistrict(db, CITY_OFFICE);
    expect(await loadOfficeLevel(db)).toBe('city');
  });
});
