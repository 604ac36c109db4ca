/**
 * Unit names // 单位名称: one canonicalisation for everything that reads a unit name (the
 * policy parser, import, search, reports). Departments are renamed between documents
 * (市科技局 → 市科技创新局); the rename table is the built-in pairs below plus the pairs the
 * officer adds in 设置 → 单位名称对照, so next year's renames need no new release.
 */

/** One rename // 单位名称对照: the old (or short) name and the current name. */
export interface UnitRename {
  from: string;
  to: string;
}

/** old name → current name, as used by canonicaliseUnit. */
export type UnitRenames = ReadonlyMap<string, string>;

/** The token meaning every district and functional zone // 各区人民政府（含开发区、长江新区管委会）. */
export const ALL_DISTRICTS_UNIT = '各区人民政府';
/** The token meaning the districts named elsewhere or chosen by the officer // 有关区人民政府. */
export const SOME_DISTRICTS_UNIT = '有关区人民政府';

/**
 * The built-in pairs: renames that are certain, and the usual short forms of the district
 * tokens. Everything else is kept as written.
 */
export const BUILTIN_UNIT_RENAMES: readonly UnitRename[] = [
  { from: '市科技局', to: '市科技创新局' },
  { from: '市科创局', to: '市科技创新局' },
  { from: '市科学技术局', to: '市科技创新局' },
  { from: '市自然资源规划局', to: '市自然资源和规划局' },
  { from: '市国资委', to: '市政府国资委' },
  { from: '市环保局', to: '市生态环境局' },
  { from: '市国土规划局', to: '市自然资源和规划局' },
  { from: '市卫计委', to: '市卫健委' },
  { from: '市农委', to: '市农业农村局' },
  { from: '市工商局', to: '市市场监管局' },
  { from: '市质监局', to: '市市场监管局' },
  { from: '市食药监局', to: '市市场监管局' },
  { from: '市金融局', to: '市地方金融局' },
  // Short and full forms of one body, both seen in the seed documents.
  { from: '人行武汉分行营管部', to: '人民银行武汉分行营管部' },
  { from: '市城建局', to: '市城乡建设局' },
  { from: '市交通局', to: '市交通运输局' },
  { from: '武汉仲裁委办', to: '武汉仲裁委办公室' },
  { from: '各区政府', to: ALL_DISTRICTS_UNIT },
  { from: '各区', to: ALL_DISTRICTS_UNIT },
  { from: '各有关区人民政府', to: SOME_DISTRICTS_UNIT },
  { from: '有关区', to: SOME_DISTRICTS_UNIT },
  { from: '相关区人民政府', to: SOME_DISTRICTS_UNIT },
];

/**
 * The rename table: the built-in pairs, then the officer's (an officer's pair for the same
 * old name wins). Names are compared without spaces or notes.
 */
export function unitRenameTable(officer: readonly UnitRename[] = []): UnitRenames {
  const table = new Map<string, string>();
  for (const { from, to } of [...BUILTIN_UNIT_RENAMES, ...officer]) {
    const f = stripUnitNote(from);
    const t = stripUnitNote(to);
    if (f && t && f !== t) table.set(f, t);
  }
  return table;
}

/** The built-in table (what the parser and the seeds use). */
export const DEFAULT_UNIT_RENAMES: UnitRenames = unitRenameTable();

/**
 * A unit name as written, without spaces, a trailing 〈含开发区、长江新区管委会，下同〉 /
 * （含…） / <…> note, or stray punctuation around it. Notes never change what the unit is.
 */
export function stripUnitNote(raw: string): string {
  let u = raw.replace(/\s+/g, '');
  u = u.replace(/[〈<《（(][^〉>》）)]*[〉>》）)]?$/u, '');
  u = u.replace(/[〈<《（(][^〉>》）)]*$/u, '');
  return u.replace(/^[：:，,、；;]+|[：:，,、；;。）)]+$/gu, '');
}

/**
 * The canonical (current) name of one unit: the note stripped, then renames followed to the
 * end of the chain (市科技局 → 市科技创新局 → whatever the officer renamed that to).
 */
export function canonicaliseUnit(name: string, renames: UnitRenames = DEFAULT_UNIT_RENAMES): string {
  let u = stripUnitNote(name);
  const seen = new Set<string>([u]);
  for (let next = renames.get(u); next !== undefined && !seen.has(next); next = renames.get(u)) {
    u = next;
    seen.add(u);
  }
  return u;
}

/** Every name a unit has had: the canonical name first, then each old name that leads to it. */
export function unitNamesFor(canonical: string, renames: UnitRenames = DEFAULT_UNIT_RENAMES): string[] {
  const target = canonicaliseUnit(canonical, renames);
  const out = [target];
  for (const from of renames.keys()) if (from !== target && canonicaliseUnit(from, renames) === target) out.push(from);
  return out;
}

/** Why an officer's rename cannot be saved, as data (the wording lives in the settings' texts). */
export type UnitRenameProblem =
  | { kind: 'missing' }
  | { kind: 'same'; name: string }
  | { kind: 'loop'; from: string; to: string };

/** Why an officer's pair cannot be saved, or undefined when it can. */
export function unitRenameProblem(pair: UnitRename, others: readonly UnitRename[]): UnitRenameProblem | undefined {
  const from = stripUnitNote(pair.from);
  const to = stripUnitNote(pair.to);
  if (!from || !to) return { kind: 'missing' };
  if (from === to) return { kind: 'same', name: from };
  const table = unitRenameTable(others);
  if (canonicaliseUnit(to, table) === from) return { kind: 'loop', from, to };
  return undefined;
}
