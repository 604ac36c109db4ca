/**
 * parsePolicyText: the plain text of a municipal policy document → metadata, hierarchy
 * (第一章 / 一、 / （一） / 1、 / 专栏), numbered tasks with their units, targets and
 * indicator tables. Problems are returned as issues, never thrown.
 */
import type { DocumentKind, PolicyDocument, Section, Target, Task } from '../model';
import { cleanPolicyText, type CleanLine } from './normalize';
import { findTargets } from './targets';
import type { IndicatorRow, ParseIssue, ParseOptions, ParsedPolicy } from './types';
import { ALL_DISTRICTS_UNIT, canonicalUnit, parseUnitsText } from './units';

const CN = '一二三四五六七八九十';
const CHAPTER = new RegExp(`^第([${CN}]+)章(.*)$`, 'u');
const LEVEL1 = new RegExp(`^([${CN}]+)、(.+)$`, 'u');
const LEVEL2 = new RegExp(`^（([${CN}]+)）(.+)$`, 'u');
const LEVEL3 = /^(\d{1,2})、(.{1,30})$/u;
const BOX = /^专栏(\d+(?:[-－—]\d+)?)(.*)$/u;
const TASK = /^(\d{1,2})[.．](?![\d.．])(.*)$/u;
const UNITS_PAREN = /（(?:牵头单位|责任单位)：[^（）]*）/gu;
const DEFAULT_NOW = '2000-01-01T00:00:00.000Z';

interface Heading {
  level: number;
  label: string;
  title: string;
  rest?: string;
}

/** A heading read from a cleaned line; undefined when the line is body text. */
export function readHeading(text: string): Heading | undefined {
  let m = CHAPTER.exec(text);
  if (m) return { level: 0, label: `第${m[1]}章`, title: m[2]!.trim() };
  m = BOX.exec(text);
  if (m) return { level: 9, label: `专栏${m[1]!.replace(/[－—]/u, '-')}`, title: m[2]!.trim() };
  m = LEVEL1.exec(text) ?? LEVEL2.exec(text);
  if (m) {
    const level = text.startsWith('（') ? 2 : 1;
    const label = level === 2 ? `（${m[1]}）` : `${m[1]}、`;
    const body = m[2]!;
    const stop = body.indexOf('。');
    if (stop >= 0 && stop < body.length - 1) return { level, label, title: body.slice(0, stop), rest: body.slice(stop + 1) };
    if (body.length > 40) return undefined;
    return { level, label, title: body.replace(/。$/u, '') };
  }
  m = LEVEL3.exec(text);
  if (m && !/[。，；]/u.test(m[2]!)) return { level: 3, label: `${m[1]}、`, title: m[2]! };
  return undefined;
}

interface Block {
  section?: Section;
  lines: CleanLine[];
}

/** Parse a policy text. See the module comment. */
export function parsePolicyText(text: string, options: ParseOptions = {}): ParsedPolicy {
  const issues: ParseIssue[] = [];
  const now = options.now ?? DEFAULT_NOW;
  const clean = cleanPolicyText(text);
  const lines = clean.lines;
  if (!lines.length) issues.push({ line: 1, message: '文本是空的：请粘贴政策文件的全文，或打开 .txt / .docx 文件。' });

  // ---- metadata
  const meta = readMetadata(lines, issues);
  Object.assign(meta, stripUndefined(options.metadata ?? {}));
  const keyPrefix = options.keyPrefix ?? deriveKeyPrefix(meta);
  const documentId = options.documentId ?? `doc-${keyPrefix}`;

  // ---- hierarchy: split the lines into blocks under headings
  const sections: Section[] = [];
  const blocks: Block[] = [{ lines: [] }];
  const stack: Section[] = [];
  const numbered = hasNumberedTasks(lines);
  for (const l of lines) {
    const h = numbered && TASK.test(l.text) ? undefined : readHeading(l.text);
    if (!h) {
      blocks[blocks.length - 1]!.lines.push(l);
      continue;
    }
    while (stack.length && stack[stack.length - 1]!.level >= h.level && !(h.level === 9 && stack[stack.length - 1]!.level !== 9)) stack.pop();
    if (h.level === 9) while (stack.length && stack[stack.length - 1]!.level === 9) stack.pop();
    const s: Section = {
      id: `${documentId}-s${String(sections.length + 1).padStart(3, '0')}`,
      documentId,
      parentId: stack[stack.length - 1]?.id,
      level: h.level,
      label: h.label,
      title: h.title,
      order: sections.length + 1,
    };
    sections.push(s);
    stack.push(s);
    blocks.push({ section: s, lines: h.rest ? [{ line: l.line, text: h.rest }] : [] });
  }

  // ---- tasks
  const tasks: Task[] = [];
  const taskLines = new Map<string, number>();
  const width = typicalWidth(lines);
  const makeTask = (number: string, section: Section | undefined, title: string, body: string, unitsText: string | undefined, line: number) => {
    const key = `${keyPrefix}-${number.padStart(2, '0')}`;
    const units = unitsText ? parseUnitsText(unitsText) : { leadUnits: [], responsibleUnits: [], leadInferred: false };
    const deadlineYear = /到(\d{4})年/u.exec(body)?.[1];
    tasks.push({
      key,
      documentId,
      sectionId: section?.id,
      number,
      order: tasks.length + 1,
      title,
      text: body,
      leadUnits: units.leadUnits,
      responsibleUnits: units.responsibleUnits,
      unitsText,
      deadline: deadlineYear ? `${deadlineYear}-12-31` : undefined,
      deadlineText: deadlineYear ? `到${deadlineYear}年` : undefined,
      origin: options.origin ?? 'import',
      updatedAt: now,
    });
    taskLines.set(key, line);
    if (unitsText && !/[）)]$/u.test(unitsText)) issues.push({ line, taskKey: key, message: `第${number}项任务的单位括号没有闭合，请核对牵头单位和责任单位。` });
  };

  if (numbered) {
    let expected = 1;
    for (const b of blocks) {
      let current: { number: string; line: number; parts: CleanLine[] } | undefined;
      const flush = () => {
        if (!current) return;
        const body = joinLines(current.parts, width);
        const { text: withoutUnits, unitsText } = splitUnitsParen(body);
        const first = withoutUnits.replace(/^\s+/u, '');
        const stop = first.indexOf('。');
        const title = (stop > 0 ? first.slice(0, stop) : first).trim();
        makeTask(current.number, b.section, title, withoutUnits.trim(), unitsText, current.line);
        current = undefined;
      };
      for (const l of b.lines) {
        const m = TASK.exec(l.text);
        if (m && Number(m[1]) === expected) {
          flush();
          current = { number: m[1]!, line: l.line, parts: [{ line: l.line, text: m[2]! }] };
          expected++;
        } else if (m && Number(m[1]) > expected && Number(m[1]) <= expected + 3) {
          issues.push({ line: l.line, message: `任务编号跳号：应为第${expected}项，这里是第${m[1]}项。请检查是否漏掉了任务或编号写错。` });
          flush();
          current = { number: m[1]!, line: l.line, parts: [{ line: l.line, text: m[2]! }] };
          expected = Number(m[1]) + 1;
        } else if (current) current.parts.push(l);
      }
      flush();
    }
  } else {
    let n = 0;
    for (const b of blocks) {
      if (b.section?.level === 9) continue;
      const joined = joinLines(b.lines, width);
      const offsets = lineOffsets(b.lines, width);
      const matches = [...joined.matchAll(UNITS_PAREN)];
      let start = 0;
      for (const m of matches) {
        const end = m.index! + m[0].length;
        const body = joined.slice(start, m.index!).replace(/^[。；\s]+/u, '').trim();
        if (body.length >= 4) {
          n++;
          const paragraphs = body.split('\n');
          const last = paragraphs[paragraphs.length - 1]!;
          const stop = last.indexOf('。');
          const lead = (stop > 0 ? last.slice(0, stop) : last).trim();
          const only = matches.length === 1 && b.section && b.section.level <= 3;
          makeTask(String(n), b.section, only ? b.section!.title : lead, body, m[0], lineAt(offsets, start));
        }
        start = end;
      }
    }
  }
  if (!tasks.length && lines.length)
    issues.push({ line: 1, message: '没有找到编号任务（如“1. …”）或以“（责任单位：…）”结尾的段落。请在审核表中手动添加任务。' });

  // Documents with no units on their tasks: a 组织保障 sentence "由市科创局牵头、…各区参与" applies to all.
  if (tasks.length && tasks.every((t) => !t.unitsText)) {
    const all = lines.map((l) => l.text).join('');
    const lead = /由([^，。、]+?)牵头/u.exec(all);
    const districts = /各区(?:人民政府)?(?:共同)?参与/u.test(all);
    if (lead || districts) {
      const leadUnits = lead ? [canonicalUnit(lead[1]!)] : [];
      const responsible = districts ? [ALL_DISTRICTS_UNIT] : leadUnits;
      for (const t of tasks) {
        t.leadUnits = leadUnits;
        t.responsibleUnits = responsible;
      }
      issues.push({ line: 1, message: `各项任务未单列责任单位，已按文件中的组织保障要求（${lead ? `由${lead[1]}牵头` : ''}${districts ? '、各区参与' : ''}）填写，请核对。` });
    } else {
      for (const t of tasks) issues.push({ line: taskLines.get(t.key) ?? 1, taskKey: t.key, message: `第${t.number}项任务没有写明责任单位，请在审核表中填写。` });
    }
  } else {
    for (const t of tasks)
      if (!t.unitsText) issues.push({ line: taskLines.get(t.key) ?? 1, taskKey: t.key, message: `第${t.number}项任务没有找到“（牵头单位：…；责任单位：…）”，请在审核表中填写单位。` });
  }

  // ---- targets
  const targets: Target[] = [];
  const defaultYear = meta.planEndYear;
  const addTargets = (paragraph: string, kind: Target['kind'], taskKey?: string) => {
    for (const f of findTargets(paragraph, defaultYear)) {
      targets.push({ id: `${documentId}-t${String(targets.length + 1).padStart(3, '0')}`, documentId, taskKey, kind, ...f });
    }
  };
  for (const b of blocks) {
    const isGoal = b.section && /目标|总体要求/u.test(b.section.title) && b.section.level <= 2;
    if (isGoal || (!b.section && !numbered && tasks.length === 0)) addTargets(joinLines(b.lines, width), 'goal');
  }
  for (const t of tasks) addTargets(t.text, 'task', t.key);
  const indicatorTable: IndicatorRow[] = clean.tableRows.map((r) => {
    const baselineYear = Number(/(\d{4})年/u.exec(r.baselineLabel)?.[1]) || undefined;
    const targetYear = Number(/(\d{4})年/u.exec(r.targetLabel)?.[1]) || undefined;
    return {
      index: r.index,
      name: r.name,
      unit: r.unit,
      baseline: numberIn(r.baselineText),
      baselineYear,
      target: numberIn(r.targetText),
      targetYear,
      baselineText: r.baselineText,
      targetText: r.targetText,
      table: r.tableTitle,
      line: r.line,
    };
  });
  for (const r of indicatorTable) {
    if (r.target === undefined) continue;
    targets.push({
      id: `${documentId}-t${String(targets.length + 1).padStart(3, '0')}`,
      documentId,
      kind: 'table',
      name: r.name,
      unit: r.unit,
      comparator: /增速|增长/u.test(r.targetText + r.name) ? '增长' : '达到',
      value: r.target,
      year: r.targetYear,
      baseline: r.baseline,
      baselineYear: r.baselineYear,
      sourceText: `${r.index} ${r.name}（${r.unit}） ${r.baselineText} ${r.targetText}`,
    });
  }

  const document: PolicyDocument = {
    id: documentId,
    title: meta.title ?? '',
    shortTitle: meta.shortTitle ?? deriveShortTitle(meta.title ?? '', meta),
    docNumber: meta.docNumber,
    issuer: meta.issuer,
    issueDate: meta.issueDate,
    planStartYear: meta.planStartYear,
    planEndYear: meta.planEndYear ?? maxYear(targets),
    kind: meta.kind ?? detectKind(meta.title ?? '', lines),
    source: options.source ?? '',
    addedAt: now,
  };
  if (document.planStartYear === undefined && document.planEndYear !== undefined)
    document.planStartYear = Number(document.issueDate?.slice(0, 4)) || document.planEndYear;
  return { document: stripUndefined(document) as PolicyDocument, sections, tasks: tasks.map((t) => stripUndefined(t) as Task), targets: targets.map((t) => stripUndefined(t) as Target), indicatorTable, issues };
}

type Meta = Partial<Omit<PolicyDocument, 'id' | 'addedAt' | 'source'>>;

function readMetadata(lines: CleanLine[], issues: ParseIssue[]): Meta {
  const meta: Meta = {};
  // The document number sits in the header; numbers quoted in the body are other documents.
  const all = lines.slice(0, 12).map((l) => l.text).join('\n');
  const num = /([\u4e00-\u9fff]{1,10}[〔［[]\d{4}[〕］\]]\d+号)/u.exec(all);
  if (num) meta.docNumber = num[1]!.replace(/[［[]/u, '〔').replace(/[］\]]/u, '〕');
  const dateIdx = lines.findIndex((l) => /^\d{4}年\d{1,2}月\d{1,2}日$/u.test(l.text));
  if (dateIdx >= 0) {
    const [, y, m, d] = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/u.exec(lines[dateIdx]!.text)!;
    meta.issueDate = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
    const prev = lines[dateIdx - 1]?.text;
    if (prev && /(政府|办公厅|委员会|管委会|局|办公室)$/u.test(prev) && prev.length <= 20) meta.issuer = prev;
  }
  const quoted = lines.find((l) => /《[^》]+》/u.test(l.text) && /印发|现将|已经/u.test(l.text));
  if (quoted) meta.title = /《([^》]+)》/u.exec(quoted.text)![1];
  else if (lines[0] && !/[：。，]$/u.test(lines[0].text) && lines[0].text.length <= 40 && /规划|方案|要点|意见|办法|措施|通知|计划/u.test(lines[0].text))
    meta.title = lines[0].text;
  if (!meta.title) issues.push({ line: 1, message: '没有找到文件标题（如《……》或首行标题），请在审核时填写。' });
  const title = meta.title ?? '';
  const span = /（(\d{4})[—\-–－~至](\d{4})年）/u.exec(title);
  if (span) {
    meta.planStartYear = Number(span[1]);
    meta.planEndYear = Number(span[2]);
  } else if (/十四五/u.test(title)) {
    meta.planStartYear = 2021;
    meta.planEndYear = 2025;
  } else if (/十五五/u.test(title)) {
    meta.planStartYear = 2026;
    meta.planEndYear = 2030;
  } else {
    const y = /^(\d{4})年/u.exec(title);
    if (y) meta.planStartYear = meta.planEndYear = Number(y[1]);
  }
  return meta;
}

function detectKind(title: string, lines: CleanLine[]): DocumentKind {
  if (/行动方案|实施方案|行动计划/u.test(title)) return 'action-plan';
  if (/工作要点/u.test(title)) return 'work-points';
  if (/规划/u.test(title)) return 'five-year-plan';
  if (/意见/u.test(title) || lines.some((l) => /提出如下意见/u.test(l.text))) return 'opinion';
  if (lines.some((l) => /日报|记者|通讯员/u.test(l.text))) return 'news';
  return 'other';
}

function deriveShortTitle(title: string, meta: Meta): string {
  if (/工作要点/u.test(title) && meta.planStartYear) return `${meta.planStartYear}年工作要点`;
  const t = title.replace(/^(?:武汉市|市人民政府(?:办公厅)?)/u, '').replace(/^关于/u, '').replace(/（[^）]*）$/u, '');
  return t.length > 18 ? `${t.slice(0, 17)}…` : t || '新政策文件';
}

/** A task key prefix from the metadata: `2023N4` for 武政办〔2023〕4号, else the plan year. */
export function deriveKeyPrefix(meta: Meta): string {
  const n = meta.docNumber ? /〔(\d{4})〕(\d+)号/u.exec(meta.docNumber) : null;
  if (n) return `${n[1]}N${n[2]}`;
  const year = meta.planStartYear ?? (Number(meta.issueDate?.slice(0, 4)) || undefined);
  return year ? `${year}WJ` : 'WJ';
}

function hasNumberedTasks(lines: CleanLine[]): boolean {
  let expected = 1;
  for (const l of lines) {
    const m = TASK.exec(l.text);
    if (m && Number(m[1]) === expected) expected++;
  }
  return expected > 2;
}

/** The usual length of a wrapped line (PDF texts wrap at a fixed width). */
function typicalWidth(lines: CleanLine[]): number {
  const counts = new Map<number, number>();
  for (const l of lines) if (l.text.length >= 15) counts.set(l.text.length, (counts.get(l.text.length) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [len, c] of counts) if (c > bestCount) [best, bestCount] = [len, c];
  return bestCount >= 5 ? best : 1e9;
}

function endsParagraph(text: string, width: number, next?: string): boolean {
  if (next && /^[-•·—]|^到\d{4}年$/u.test(next)) return true;
  return /[。！？）”]$/u.test(text) && (width > 1e8 || text.length < width - 2);
}

/** Join wrapped lines; a short line ending a sentence ends a paragraph (`\n`). */
function joinLines(lines: CleanLine[], width: number): string {
  let out = '';
  lines.forEach((l, i) => {
    out += l.text;
    if (i < lines.length - 1 && (endsParagraph(l.text, width, lines[i + 1]!.text) || width > 1e8)) out += '\n';
  });
  return out;
}

function lineOffsets(lines: CleanLine[], width: number): { at: number; line: number }[] {
  const out: { at: number; line: number }[] = [];
  let at = 0;
  lines.forEach((l, i) => {
    out.push({ at, line: l.line });
    at += l.text.length + (i < lines.length - 1 && (endsParagraph(l.text, width, lines[i + 1]!.text) || width > 1e8) ? 1 : 0);
  });
  return out;
}

function lineAt(offsets: { at: number; line: number }[], at: number): number {
  let line = offsets[0]?.line ?? 1;
  for (const o of offsets) if (o.at <= at) line = o.line;
  return line;
}

/** Split the trailing units parenthesis off a task body. */
function splitUnitsParen(body: string): { text: string; unitsText?: string } {
  const all = [...body.matchAll(UNITS_PAREN)];
  const last = all[all.length - 1];
  if (last) return { text: (body.slice(0, last.index!) + body.slice(last.index! + last[0].length)).trim(), unitsText: last[0] };
  const open = body.search(/（(?:牵头单位|责任单位)：/u);
  if (open >= 0) return { text: body.slice(0, open).trim(), unitsText: body.slice(open).replace(/\n/g, '') };
  return { text: body };
}

function numberIn(s: string): number | undefined {
  const m = /-?\d+(?:\.\d+)?/u.exec(s);
  return m ? Number(m[0]) : undefined;
}

function maxYear(targets: Target[]): number | undefined {
  const ys = targets.map((t) => t.year).filter((y): y is number => y !== undefined);
  return ys.length ? Math.max(...ys) : undefined;
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
