import type { District } from './model';

/**
 * Wuhan's 13 administrative districts and 4 functional zones. The officer picks one on
 * first start. `name` is persisted in settings and progress ids: do not change it.
 */
export const DISTRICTS: readonly District[] = [
  { name: '江岸区', shortName: '江岸区', kind: 'district', aliases: [] },
  { name: '江汉区', shortName: '江汉区', kind: 'district', aliases: [] },
  { name: '硚口区', shortName: '硚口区', kind: 'district', aliases: [] },
  { name: '汉阳区', shortName: '汉阳区', kind: 'district', aliases: [] },
  { name: '武昌区', shortName: '武昌区', kind: 'district', aliases: [] },
  { name: '青山区', shortName: '青山区', kind: 'district', aliases: ['化工区'] },
  { name: '洪山区', shortName: '洪山区', kind: 'district', aliases: [] },
  { name: '东西湖区', shortName: '东西湖区', kind: 'district', aliases: ['临空港经济技术开发区', '临空港开发区'] },
  { name: '汉南区', shortName: '汉南区', kind: 'district', aliases: [] },
  { name: '蔡甸区', shortName: '蔡甸区', kind: 'district', aliases: ['中法武汉生态示范城', '中法生态城'] },
  { name: '江夏区', shortName: '江夏区', kind: 'district', aliases: [] },
  { name: '黄陂区', shortName: '黄陂区', kind: 'district', aliases: [] },
  { name: '新洲区', shortName: '新洲区', kind: 'district', aliases: [] },
  {
    name: '东湖新技术开发区',
    shortName: '东湖高新区',
    kind: 'zone',
    aliases: ['东湖高新区', '武汉东湖新技术开发区', '光谷', '东湖高新技术开发区'],
  },
  {
    name: '武汉经济技术开发区',
    shortName: '武汉经开区',
    kind: 'zone',
    aliases: ['武汉经开区', '经开区', '武汉经济开发区'],
  },
  { name: '长江新区', shortName: '长江新区', kind: 'zone', aliases: ['长江新城'] },
  {
    name: '东湖生态旅游风景区',
    shortName: '东湖风景区',
    kind: 'zone',
    aliases: ['东湖风景区', '东湖生态旅游风景区管委会'],
  },
];

/** The district whose name, short name or alias is `name`; undefined when none. */
export function findDistrict(name: string): District | undefined {
  const n = name.trim();
  return DISTRICTS.find((d) => d.name === n || d.shortName === n || d.aliases.includes(n));
}

/**
 * The city's own office (市级): set up at first start instead of a district. Its ledger holds
 * every task, its clusters are the districts' clusters, its targets are the 全市 ones, and the
 * 17 districts are the units of its rounds. Persisted as the office's name in settings and
 * progress ids: do not change it.
 */
export const CITY_OFFICE = '武汉市';

/** Whether the office set up under `name` is the city's (市级), not a district's. */
export function isCityOffice(name: string | undefined): boolean {
  return name === CITY_OFFICE;
}
