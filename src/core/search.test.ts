import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSearchKey, loadPinyin, matchesSearch, parseQuery, pinyinInitials, pinyinLoaded, pinyinSpelled, SearchIndex } from './search';

// Task titles as they appear in the seed documents (seeds/000_…: 1.引聚国际研发机构。…).
const seed = readFileSync(resolve(__dirname, '../../seeds/000_ab343145575b7542.txt'), 'utf8');
const titles = [...seed.matchAll(/^\d+\.([^。\n]{2,30})。/gm)].map((m) => m[1]!);

describe('before the pinyin dictionary is loaded', () => {
  it('latin terms match as text only, and the key gets its pinyin once the dictionary is in', async () => {
    expect(pinyinLoaded()).toBe(false);
    const key = buildSearchKey(['引聚国际研发机构'], ['5G应用']);
    expect(matchesSearch(key, parseQuery('yjgjyf'))).toBe(false);
    expect(matchesSearch(key, parseQuery('5g'))).toBe(true);
    await loadPinyin();
    expect(matchesSearch(key, parseQuery('yjgjyf'))).toBe(true);
  });
});

describe('pinyin forms', () => {
  beforeAll(() => loadPinyin());
  it.each([
    ['引聚国际研发机构', 'yjgjyfjg', 'yinjuguojiyanfajigou'],
    ['市科技局', 'skjj', 'shikejiju'],
    ['5G应用', '5gyy', '5gyingyong'],
    ['', '', ''],
  ])('%s → %s / %s', (text, initials, spelled) => {
    expect(pinyinInitials(text)).toBe(initials);
    expect(pinyinSpelled(text)).toBe(spelled);
  });
});

describe('matchesSearch', () => {
  beforeAll(() => loadPinyin());
  const key = buildSearchKey(['引聚国际研发机构', '市科技局'], ['吸引世界500强企业来汉设立研发机构']);
  it.each([
    ['yjgjyf', true],
    ['YJGJYF', true],
    ['国际研发', true],
    ['500强', true],
    ['yinju', true],
    ['skjj', true],
    ['国际 skjj', true],
    ['国际 zzzz', false],
    ['qxsj', false],
    ['集群', false],
  ])('"%s" → %s', (q, expected) => {
    expect(matchesSearch(key, parseQuery(q))).toBe(expected);
  });

  it.each([
    ['５００强', true],
    ['ＹＪＧＪＹＦ', true],
    ['国际　研发', true],
    ['5G', true],
    ['５Ｇ', true],
    ['(一期)', true],
    ['（一期）', true],
  ])('full and half width alike: "%s" → %s', (q, expected) => {
    const k = buildSearchKey(['引聚国际研发机构', '市科技局'], ['吸引世界500强企业来汉设立研发机构，建设５Ｇ基站（一期）']);
    expect(matchesSearch(k, parseQuery(q))).toBe(expected);
  });

  it('an empty query matches everything', () => {
    expect(matchesSearch(key, parseQuery('  '))).toBe(true);
  });

  it('finds exactly the right seed task by its initials', () => {
    expect(titles.length).toBeGreaterThan(10);
    const keys = titles.map((t) => ({ t, k: buildSearchKey([t]) }));
    const hits = keys.filter(({ k }) => matchesSearch(k, parseQuery('yjgjyf'))).map(({ t }) => t);
    expect(hits).toEqual(['引聚国际研发机构']);
  });
});

describe('SearchIndex', () => {
  beforeAll(() => loadPinyin());
  const keys = titles.map((t) => buildSearchKey([t], [`${t}的具体内容`]));
  const scan = (q: string) => keys.flatMap((k, i) => (matchesSearch(k, parseQuery(q)) ? [i] : []));
  const hits = (index: SearchIndex, q: string) => [...index.match(parseQuery(q))].flatMap((m, i) => (m ? [i] : []));

  it('answers every query as a scan of every key would, whatever was asked before', () => {
    const index = new SearchIndex(keys);
    for (const q of ['研', '研发', '研发机', '研发', '', 'y', 'yj', 'yjg', 'yj', '机构 yj', '内容', '国际 内容 yjgj', 'zzz', '研发 zzz'])
      expect(hits(index, q), q).toEqual(scan(q));
    expect(hits(index, '研发').length).toBeGreaterThan(0);
  });
});
