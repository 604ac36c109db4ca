/**
 * Where a document was issued // 发文地. Wuhan's own documents (the city's, a district's or a
 * zone's), the province's and the state's concern the office. Another city's, county's or
 * province's document does not: its 市科技局 is that city's bureau (not Wuhan's, so not renamed to
 * Wuhan's current name), its 各区 and bare 区××局 are that city's districts and departments.
 */
import { DISTRICTS } from '../districts';
import { ALL_DISTRICTS_UNIT, DEFAULT_UNIT_RENAMES, SOME_DISTRICTS_UNIT, canonicaliseUnit, type UnitRenames } from '../unit-names';

/** The places whose documents are Wuhan's, or cover Wuhan. */
const OWN_PROVINCE = '湖北省';
const OWN_CITY = '武汉市';

/**
 * A place at the start of an issuer or a title: province, then city (市, 州, 盟), then
 * county (区, 县, 旗). 中共 before a party committee is no part of the place.
 */
const PLACE_AT_START = /^(?:中共|中国共产党)?(?<province>[\u4e00-\u9fff]{2,7}?(?:省|自治区))?(?<city>[\u4e00-\u9fff]{2,4}?(?:市|州|盟)(?!场|民|级|直|属))?(?<county>[\u4e00-\u9fff]{1,5}?(?:区|县|旗))?/u;

/** A level or a kind of zone written without its place: 各区, 全市, 高新区, 开发区, 城区 … */
const NOT_A_PLACE = /^(?:各|全|本|我|该|每|其他|有关|相关|所在|周边)|^(?:国家级|省级|市级)?(?:高新|经开|经济技术开发|高新技术产业开发|开发|新|自贸|自由贸易试验|示范|保税|综合保税|试验|功能|核心|重点|中心|城|市|辖|郊|景|园|社|片|校|街|厂|库|矿|林|灾|山|老|贫困|民族)[区县]$/u;
/** A city written as a word, not as a place (智慧城市, 超大城市, 中心城市); 成都市, 盐城市 are places. */
const CITY_AS_WORD = /^[\u4e00-\u9fff]{2,}(?:城市|都市)$/u;

/** A site's metadata label in front of a title or an issuer. */
const METADATA_LABEL = /^[•·]?(?:信息名称|文件名称|名称|标题|题目|发文机关|发布机构|发文单位)[:：]?/u;

/**
 * A line that is an issuing body alone, naming its place (the cover notice's issuer, the signature
 * above the date): 黄石港区人民政府, 中共环县委办公室 环县人民政府办公室, 延安市科学技术局.
 */
const ISSUER_LINE = /^(?:中共)?[\u4e00-\u9fff]{2,10}?(?:省|市|州|盟|区|县|旗)[\u4e00-\u9fff]{0,16}(?:人民政府|政府|委员会|委|管委会|管理委员会|办公室|办公厅|局|厅)$/u;

/** The lines of a text that are an issuing body alone (ISSUER_LINE), from its head and its end. */
export function issuerLines(lines: readonly string[]): string[] {
  const near = [...lines.slice(0, 30), ...lines.slice(-12)];
  return near.map((l) => l.replace(/\s+/g, '')).filter((l) => l.length <= 40 && ISSUER_LINE.test(l));
}

/** Words after a county in a title that show it is the issuing place, not a phrase (促进东西湖区…). */
const COUNTY_IN_TITLE = /^(?:人民政府|政府|委员会|委|管委会|办公室|党委|关于|\d{4}年|“|《|〔|科技|创新|国民经济|十[四五]五)/u;

/** Every name of each Wuhan district and zone, longest first, with its official name. */
const WUHAN_NAMES = DISTRICTS.flatMap((d) => [d.name, d.shortName, ...d.aliases].map((n) => ({ n, district: d.name }))).sort((a, b) => b.n.length - a.n.length);

/**
 * The first words of each name (江夏, 东西湖, 临空港, 长江 …), with the one district they name: a
 * place that starts with one is that district's however its kind is written (临空港经开区). A stem
 * two districts share (东湖: the 高新区 and the 风景区) names Wuhan, not which district.
 */
const WUHAN_STEMS = (() => {
  const stems = new Map<string, string | undefined>();
  for (const { n, district } of WUHAN_NAMES) {
    const stem = n.replace(/^武汉/u, '').replace(/(?:新技术开发区|高新技术开发区|高新区|经济技术开发区|经济开发区|经开区|开发区|生态旅游风景区|风景区|新区|新城|区)$/u, '');
    if (stem.length < 2) continue;
    stems.set(stem, stems.has(stem) && stems.get(stem) !== district ? undefined : district);
  }
  return stems;
})();

/** Whether a place is Wuhan's (武汉…, or a district's or zone's name or stem). */
function isWuhans(place: string): boolean {
  return place.startsWith('武汉') || [...WUHAN_STEMS.keys()].some((s) => place.startsWith(s));
}

/** The Wuhan district or zone a place names (武汉经开区 → 武汉经济技术开发区), if one. */
function wuhanDistrictOf(place: string): string | undefined {
  const p = place.replace(/^武汉市/u, '');
  const exact = WUHAN_NAMES.find(({ n }) => p === n || p === `武汉${n}`);
  if (exact) return exact.district;
  for (const [stem, district] of WUHAN_STEMS) if (p.replace(/^武汉/u, '').startsWith(stem)) return district;
  return undefined;
}

/** Where a document was issued, when its issuer or title says it. */
export interface IssuingPlace {
  /** Another city, county or province (外地文件), e.g. 咸宁市. */
  elsewhere?: string;
  /** The Wuhan district or zone that issued it (official name), e.g. 武汉经济技术开发区. */
  district?: string;
}

/**
 * Where a document was issued: another place (外地文件) when it is neither Wuhan (with its districts
 * and zones) nor the province or the state; else the Wuhan district or zone when one issued it;
 * nothing when it is the city's, the province's or the state's, or when nothing names a place.
 * `issuers` are the issuing bodies as written (发文机关, the cover notice's signature, a site's
 * 发文单位), weighed first; `titles` are the document's and its cover notice's titles.
 */
export function issuingPlace(issuers: readonly string[], titles: readonly string[]): IssuingPlace {
  for (const [i, raw] of [...issuers, ...titles].entries()) {
    // A site's label before a title (标    题, • 信息名称:) is no part of it.
    const text = raw.replace(/\s+/g, '').replace(/^[|｜•·]+|[|｜]+$/gu, '').replace(METADATA_LABEL, '');
    // A zone's long name (武汉东湖新技术开发区管委会) is longer than a county's the pattern reads.
    const zone = WUHAN_NAMES.find(({ n }) => n.length > 5 && (text.startsWith(n) || text.startsWith(`武汉${n}`)));
    if (zone && (i < issuers.length || COUNTY_IN_TITLE.test(text.slice(text.indexOf(zone.n) + zone.n.length)))) return { district: zone.district };
    const m = PLACE_AT_START.exec(text);
    if (!m?.[0]) continue;
    const fromTitle = i >= issuers.length;
    const { province, city } = m.groups!;
    let county = m.groups!.county;
    // In a title a county must be followed by what shows it is the issuer (东西湖区人民政府…, 黄陂区2025年…).
    if (county && fromTitle && !COUNTY_IN_TITLE.test(text.slice(m[0].length))) county = undefined;
    const places = [province, city, county].filter((p): p is string => !!p && !NOT_A_PLACE.test(p) && !CITY_AS_WORD.test(p));
    if (!places.length) continue;
    if (province && places.includes(province) && province !== OWN_PROVINCE) return { elsewhere: province };
    if (city && places.includes(city) && city !== OWN_CITY) return { elsewhere: city };
    if (county && places.includes(county)) {
      if (isWuhans(county) || city === OWN_CITY) {
        const district = wuhanDistrictOf(county);
        return district ? { district } : {};
      }
      return { elsewhere: county };
    }
    return {};
  }
  return {};
}

/** The place that issued a document when it is not Wuhan, Hubei or the state ({@link issuingPlace}). */
export function placeIssuedElsewhere(issuers: readonly string[], titles: readonly string[]): string | undefined {
  return issuingPlace(issuers, titles).elsewhere;
}

/**
 * A unit as its document wrote it, for a document issued elsewhere: the parser made every unit
 * canonical with Wuhan's renames (市科技局 → 市科技创新局); another city's 市科技局 is not Wuhan's,
 * so the name written in `unitsText` is kept.
 */
export function unitAsWritten(unit: string, unitsText: string, renames: UnitRenames = DEFAULT_UNIT_RENAMES): string {
  const written = unitsText.replace(/\s+/g, '');
  if (!written || written.includes(unit)) return unit;
  let best: string | undefined;
  // 各区人民政府 / 有关区人民政府 are the parser's tokens for any city's districts, not Wuhan's names: kept.
  if (unit === ALL_DISTRICTS_UNIT || unit === SOME_DISTRICTS_UNIT) return unit;
  for (const from of renames.keys()) if (written.includes(from) && canonicaliseUnit(from, renames) === unit && (!best || from.length > best.length)) best = from;
  return best ?? unit;
}
