import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLedgerDb, type LedgerDb } from './db';
import { setDistrict, setSetting } from './repositories';
import { changeDistrict, readReportHeader, writeReportHeader } from './settings';
import { describeEntity, formatSide } from '../features/common/audit-texts';

let db: LedgerDb;
let n = 0;
beforeEach(async () => {
  db = createLedgerDb(`report-header-${++n}-${Date.now()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const WUCHANG = { unit: '武昌区科学技术局', filledBy: '张伟', phone: '027-88888888', reviewer: '刘主任' };

describe('the report header of each district', () => {
  it('is the district’s own: after 更改本区 the other district’s 填报单位 never heads a report; 填报人 stays the officer’s', async () => {
    await setDistrict(db, '武昌区');
    await writeReportHeader(db, '武昌区', WUCHANG);
    await changeDistrict(db, '汉阳区');
    expect(await readReportHeader(db, '汉阳区')).toEqual({ unit: '', filledBy: '张伟', phone: '', reviewer: '' });
    await writeReportHeader(db, '汉阳区', { unit: '汉阳区科学技术局', filledBy: '张伟', phone: '027-84845678', reviewer: '王主任' });
    expect(await readReportHeader(db, '武昌区')).toEqual(WUCHANG);
    expect((await readReportHeader(db, '汉阳区')).unit).toBe('汉阳区科学技术局');
  });

  it('an office-wide set saved by an earlier version is the current district’s, and stays the old district’s after 更改本区', async () => {
    await setDistrict(db, '武昌区');
    await db.settings.bulkPut([
      { key: 'reportUnit', value: '武昌区科学技术局' },
      { key: 'reportPhone', value: '027-88888888' },
      { key: 'reportReviewer', value: '刘主任' },
      { key: 'filledBy', value: '张伟' },
    ]);
    expect(await readReportHeader(db, '武昌区')).toEqual(WUCHANG);
    expect((await readReportHeader(db, '汉阳区')).unit).toBe('');
    await changeDistrict(db, '汉阳区');
    expect((await readReportHeader(db, '汉阳区')).unit).toBe('');
    expect(await readReportHeader(db, '武昌区')).toEqual(WUCHANG);
    expect(await db.settings.get('reportUnit')).toBeUndefined();
  });

  it('修改记录 names the setting and its district and shows what was typed, not the key', async () => {
    await setDistrict(db, '汉阳区');
    await setSetting(db, 'filledBy', '张伟');
    await writeReportHeader(db, '汉阳区', { unit: '汉阳区科学技术局', filledBy: '张伟', phone: '027-84845678', reviewer: '王主任' });
    const rows = (await db.audit.toArray()).filter((e) => e.entity === 'setting' && e.entityId.startsWith('report'));
    expect(new Map(rows.map((e) => [describeEntity(e), formatSide(e, 'new')]))).toEqual(
      new Map([
        ['设置 报表填报单位（汉阳区）', '汉阳区科学技术局'],
        ['设置 报表联系电话（汉阳区）', '027-84845678'],
        ['设置 报表审核人（汉阳区）', '王主任'],
      ]),
    );
  });
});
