/**
 * parsePolicyText: the plain text of a municipal policy document → metadata, hierarchy
 * (第一章 / 一、 / （一） / 1、 / 专栏), numbered tasks with their units, targets and
 * indicator tables. Problems are returned as issues, never thrown.
 */
import type { DocumentKind, PolicyDocument, Section, Target, Task } from '../model';
import { cleanPolicyText, TABLE_HEADER_LINE, TABLE_TITLE, type CleanLine } from './normalize';
import { countingBase, documentScope, findTargets, startYear } from './targets';
import type { IndicatorRow, LineUse, ParseIssue, ParseOptions, ParsedPolicy, UnplacedText } from './types';
import { chineseToInt, isOneYearPlan, LONG_HEADING, numberValue, sectionRole, TASK_NUMBERING, TITLE_LINE, TITLED_ITEM_LEVELS, type NumberingStyle, type SectionRole } from './layouts';
import { allTrailers, findTrailer, INFO_LINE, readLabelledUnits, trailerDeadline, UNIT_LINE, type FoundTrailer, type TrailerState } from './trailers';
import { ALL_DISTRICTS_UNIT, canonicalUnit } from './units';
import { issuerLines, issuingPlace, unitAsWritten } from './issuer';
import { deadlineDate, planYearOf } from '../deadline';

const CN = '一二三四五六七八九十';
const CHAPTER = new RegExp(`^第([${CN}]+)章(.*)$`, 'u');
const LEVEL1 = new RegExp(`^([${CN}]+)、(.+)$`, 'u');
const LEVEL2 = new RegExp(`^（([${CN}]+)）(.+)$`, 'u');
const LEVEL3 = /^(\d{1,2})、(.{1,30})$/u;
const BOX = /^专栏(\d+(?:[-－—]\d+)?)(.*)$/u;
const DEFAULT_NOW = '2000-01-01T00:00:00.000Z';
/** A sub-heading of tasks written after a dash, no sentence: "——坚持推进长江大保护". */
const SUB_HEADING = /^[—–]{1,2}[^。；;，,]{2,30}$/u;
/** The mark of a key task (重点任务) before its text: ★地区生产总值增长15%。 */
const KEY_TASK_MARK = /^\s*[★☆]+\s*/u;

interface Heading {
  level: number;
  label: string;
  title: string;
  rest?: string;
}

/**
 * A heading read from a cleaned line; undefined when the line is body text. `wrapped`: the
 * line is a full line of a text wrapped at a fixed width (its sentence goes on below).
 */
export function readHeading(text: string, wrapped = false): Heading | undefined {
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
    if (body.length > 40 && (level !== 1 || wrapped || !LONG_HEADING.test(body))) return undefined;
    return { level, label, title: body.replace(/。$/u, '') };
  }
  m = LEVEL3.exec(text);
  if (m && !/[。，；]/u.test(m[2]!)) return { level: 3, label: `${m[1]}、`, title: m[2]! };
  return undefined;
}

interface Block {
  section?: Section;
  lines: CleanLine[];
  /** Line of the heading, and the text after its first sentence (（一）标题。正文…). */
  headingLine?: number;
  headingRest?: string;
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
  // A one-year plan's year: 年底前, 全年 or 三季度 in its 完成时限 are dates of that year.
  const planYear = planYearOf(meta);
  const documentId = options.documentId ?? `doc-${keyPrefix}`;

  // ---- hierarchy: split the lines into blocks under headings
  const sections: Section[] = [];
  const roles = new Map<string, SectionRole>();
  const blocks: Block[] = [{ lines: [] }];
  const stack: Section[] = [];
  const style = chooseNumbering(lines);
  const width = typicalWidth(lines);
  for (const [i, l] of lines.entries()) {
    // The copy's last line numbered like the tasks before it is one, cut ("3、积极争取政策"), not a heading.
    const cutItem = style && i === lines.length - 1 && i > 0 && style.re.test(l.text) && lines.slice(0, i).some((p, k) => isTaskLine(style, p.text, lines[k + 1]?.text));
    const h = style && (isTaskLine(style, l.text, lines[i + 1]?.text) || cutItem) ? undefined : readHeading(l.text, l.text.length >= width - 2);
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
    // A sub-section takes its parent's role (（一）推进目标… under 二、重点任务 stays a task section).
    const parentRole = s.parentId ? roles.get(s.parentId) : undefined;
    // Under a review chapter (第一章 发展背景) every section is the past, at any level (一、全区综合实力跨上新台阶).
    roles.set(s.id, (s.level >= 2 || parentRole === 'review') && parentRole && parentRole !== 'other' ? parentRole : sectionRole(s.title));
    sections.push(s);
    stack.push(s);
    blocks.push({ section: s, lines: h.rest ? [{ line: l.line, text: h.rest }] : [], headingLine: l.line, headingRest: h.rest });
  }
  const roleOf = (b: Block): SectionRole => (b.section ? roles.get(b.section.id)! : 'other');
  // No year in the title (or no title in the copy): the one year the top sections name (一、2024年经济社会
  // 发展计划目标 / 二、2024年七个方面重点工作) is the plan's.
  if (meta.planEndYear === undefined) {
    const years = new Set(sections.filter((s) => s.level <= 1 && roles.get(s.id) !== 'review').flatMap((s) => /^(\d{4})年/u.exec(s.title)?.[1] ?? []));
    if (years.size === 1) meta.planStartYear = meta.planEndYear = Number([...years][0]);
  }

  // ---- tasks
  const tasks: Task[] = [];
  const taskLines = new Map<string, number>();
  /** Lines whose text went into a task (their targets are the task's). */
  const taskSourceLines: number[] = [];
  /** Lines of goal items that became tasks (assigned to units): their targets are the tasks', not goals. */
  const goalTaskLines: number[] = [];
  /** Tasks that are goal items assigned to units: their figures are read bare, as a goal's (受教育年限12.5年). */
  const goalTaskKeys = new Set<string>();
  const trailerState: TrailerState = {};
  const makeTask = (number: string, section: Section | undefined, rawTitle: string, rawBody: string, found: FoundTrailer | undefined, line: number, given: { deadlineText?: string } = {}) => {
    // A deadline written inside the units bracket (…，完成时限：2023年6月), when no line or cell gives one.
    const extra = given.deadlineText || !found ? given : { deadlineText: trailerDeadline(found.unitsText) };
    // ★ / ☆ before a task marks a key task (重点任务): no part of its title or text.
    const title = rawTitle.replace(KEY_TASK_MARK, '');
    const body = rawBody.replace(KEY_TASK_MARK, '');
    // A second table numbered from 1 again (附件1, 附件2): the same number, a key of its own.
    let key = documentTaskKey(keyPrefix, number);
    for (let k = 2; tasks.some((t) => t.key === key); k++) key = `${documentTaskKey(keyPrefix, number)}-${k}`;
    const units = found?.units ?? { leadUnits: [], responsibleUnits: [], leadInferred: false };
    // One character (区, 市: a name cut off where the copy ends) names no unit.
    const named = (list: string[]) => list.filter((u) => u.length >= 2);
    const deadlineYear = /到(\d{4})年/u.exec(body)?.[1];
    const deadline = (extra.deadlineText ? deadlineDate(extra.deadlineText, planYear) : undefined) ?? (deadlineYear ? `${deadlineYear}-12-31` : undefined);
    tasks.push({
      key,
      documentId,
      sectionId: section?.id,
      number,
      order: tasks.length + 1,
      title,
      text: body,
      leadUnits: named(units.leadUnits),
      responsibleUnits: named(units.responsibleUnits),
      unitsText: found?.unitsText,
      deadline,
      deadlineText: extra.deadlineText ?? (deadlineYear ? `到${deadlineYear}年` : undefined),
      origin: options.origin ?? 'import',
      updatedAt: now,
    });
    taskLines.set(key, line);
    // A bracketed trailer cut before its closing bracket (unit lines and table cells have no bracket).
    if (found && /^[（([［【]/u.test(found.unitsText) && !/[）)\]］】]$/u.test(found.unitsText)) issues.push({ line, taskKey: key, message: `第${number}项任务的单位括号没有闭合，请核对牵头单位和责任单位。` });
  };
  // The plan's own heading after a cover notice (关于印发《X》的通知 … X): the line where the plan starts.
  const bareTitle = (meta.title ?? '').replace(/[《》〈〉“”"\s（）()]/gu, '');
  const planHeadingLine =
    bareTitle.length >= 6 && lines.some((l) => /印发/u.test(l.text))
      ? lines.find((l) => !/印发|现将|已经/u.test(l.text) && l.text.replace(/[《》〈〉“”"\s（）()]/gu, '').startsWith(bareTitle))?.line
      : undefined;
  // A numbered item written as a title and a paragraph (TITLED_ITEM_LEVELS) that may be a task: a
  // leaf (no lower-level items under it) outside goals and reviews.
  const parents = new Set(sections.map((s) => s.parentId));
  const isItem = (b: Block, level: number) => {
    const s = b.section;
    if (!s || s.level !== level || parents.has(s.id) || !(b.headingRest || b.lines.length)) return false;
    // The cover notice's own items (一、提高政治站位…) stand before the plan's heading: never tasks.
    if (planHeadingLine !== undefined && (b.headingLine ?? 0) < planHeadingLine) return false;
    // Lower-level numbered items under it (1. / 1、 / （1）): a section, whatever they are.
    if (b.lines.some((l, i) => (i > 0 || !b.headingRest) && TASK_NUMBERING.some((n) => n.re.test(l.text)))) return false;
    const role = roleOf(b);
    const own = sectionRole(s.title);
    // A notice's own items (…的通知, the text has no plan) instruct its readers, unless a section names them
    // tasks — a name, not an instruction of two phrases (一、高度重视，细化工作任务).
    if ((role === 'other' || /[，,]/u.test(s.title)) && /通知$/u.test(meta.title ?? '')) return false;
    return role !== 'goal' && role !== 'review' && own !== 'goal' && own !== 'review';
  };
  const titleOf = (text: string) => {
    const first = text.replace(/^\s+/u, '');
    const stop = first.search(/[。！？]/u);
    return (stop > 0 ? first.slice(0, stop) : first.split('\n')[0]!).trim();
  };

  // A reading of a document (…政策解读) describes it: its numbered items are no tasks of the ledger.
  // So does a report of progress on a plan (科技局2025年政府工作报告落实情况(1-3月)) that names no units:
  // its 1. 科技指标完成情况 … head what was done.
  const namesNoUnit = !lines.some((l) => UNIT_LINE.test(l.text) || findTrailer(l.text));
  // So does a cover notice copied without its plan (现将《X》印发给你们 … 一、高度重视… / 二、…) or a
  // reading without its title (现将主要内容解读如下): where no line of it names a unit, its numbered
  // items instruct the units or head what is read, they assign nothing.
  // (The plan's heading after the notice's hand-over sentence — not the page's heading above it — says the plan is there.)
  const handOver = lines.find((l) => NOTICE_SENTENCE.test(l.text));
  const noticeOnly = namesNoUnit && handOver !== undefined && !(planHeadingLine !== undefined && planHeadingLine > handOver.line) && !planBodyInText(lines);
  const describes = DESCRIBES.test(meta.title ?? '') || noticeOnly || (REPORTS_PROGRESS.test(meta.title ?? '') && namesNoUnit);
  if (describes) {
    // no tasks
  } else if (style) {
    // Numbered tasks; numbering may restart in every section (then the number carries the section: （二）3).
    let expected = firstOfRun(style, lines);
    const found: { number: number; section?: Section; line: number; parts: CleanLine[]; labels: CleanLine[] }[] = [];
    const goalTaskItems = new Set<(typeof found)[number]>();
    for (const b of blocks) {
      const skip = roleOf(b) === 'goal' || roleOf(b) === 'review';
      // An item of a goal section whose own lines assign it to units (1.地区生产总值增长4.5%以上。 /
      // 主要责任单位：区发展改革委, as a 分工方案 assigns its goals; or its units' trailer on its own
      // line, 1.地区生产总值增长8%以上。(责任领导:杜新国;牵头单位:区发改局)): a task the unit reports on.
      const assigned = (i: number) => {
        const own = [b.lines[i]!.text];
        for (let k = i + 1; k < b.lines.length; k++) {
          const t = b.lines[k]!.text;
          if (style.re.test(t) && isTaskLine(style, t, b.lines[k + 1]?.text)) break;
          // Its unit line, or the person line of its block (牵头负责领导：姚志。) when the copy ends before the units.
          if (UNIT_LINE.test(t) || INFO_LINE.test(t)) return true;
          own.push(t);
        }
        return findTrailer(own.join(''), {}) !== undefined;
      };
      let current: (typeof found)[number] | undefined;
      let prevGoalTask = false;
      for (const [i, l] of b.lines.entries()) {
        const m = style.re.exec(l.text);
        // The copy's last line, the next number after tasks: a task whose text the copy cut ("3、积极争取政策").
        const cutLast = !!m && found.length > 0 && l.line === lines[lines.length - 1]!.line && numberValue(m[1]!) === expected;
        const n = m && (isTaskLine(style, l.text, b.lines[i + 1]?.text) || cutLast) ? numberValue(m[1]!) : undefined;
        const starts = n !== undefined && (n === expected || n === 1 || (n > expected && n <= expected + 3));
        if (starts) {
          if (n! > expected && n !== 1) issues.push({ line: l.line, message: `任务编号跳号：应为第${expected}项，这里是第${n}项。请检查是否漏掉了任务或编号写错。` });
          // The copy's last item after items assigned to units: its own units cut by the end of the copy.
          const lastOfCopy = b === blocks[blocks.length - 1] && !b.lines.slice(i + 1).some((x, k) => style.re.test(x.text) && isTaskLine(style, x.text, b.lines[i + 2 + k]?.text));
          const goalTask: boolean = skip && roleOf(b) === 'goal' && (assigned(i) || (lastOfCopy && prevGoalTask));
          prevGoalTask = goalTask;
          current = !skip || goalTask ? { number: n!, section: b.section, line: l.line, parts: [{ line: l.line, text: m![2]! }], labels: [] } : undefined;
          if (goalTask) goalTaskItems.add(current!);
          if (current) found.push(current);
          expected = n! + 1;
        } else if (current && (UNIT_LINE.test(l.text) || INFO_LINE.test(l.text)) && !insideParenthesis(current.parts)) current.labels.push(l);
        // A number alone, its item cut by the end of the copy (沙市区 2022: “4.”): none of the task's text above.
        else if (current && /^\d{1,3}[.．、]$/u.test(l.text)) current = undefined;
        // A sub-heading (——深入推进环境污染防治) after a task its units closed heads the next tasks: none of its text.
        else if (current && SUB_HEADING.test(l.text) && findTrailer(current.parts[current.parts.length - 1]!.text)) current = undefined;
        else if (current) current.parts.push(l);
      }
    }
    const restarts = new Set(found.map((f) => f.number)).size < found.length;
    // Items of a heading level that carry their own units ((一)地区生产总值增长6%。(牵头单位:…)): tasks
    // too, in their place among the numbered ones (咸宁 2024: the year's goals （一）…（十）, then 1. …).
    const headed = blocks.flatMap((b) => {
      const s = b.section;
      if (!s || (s.level !== 1 && s.level !== 2) || parents.has(s.id) || b.lines.some((l, k) => isTaskLine(style, l.text, b.lines[k + 1]?.text))) return [];
      const trailer = findTrailer(joinLines(b.lines, width), trailerState);
      return trailer && !trailer.text.replace(/[。；;\s]/gu, '') ? [{ b, s, trailer }] : [];
    });
    const makeHeaded = (before: number) => {
      while (headed.length && (headed[0]!.b.headingLine ?? 0) < before) {
        const { b, s, trailer } = headed.shift()!;
        taskSourceLines.push(...b.lines.map((l) => l.line));
        makeTask(s.label, s, s.title, s.title, { ...trailer, text: s.title }, b.headingLine ?? 1);
        if (roleOf(b) === 'goal') goalTaskKeys.add(tasks[tasks.length - 1]!.key);
      }
    };
    for (const f of found) {
      makeHeaded(f.line);
      taskSourceLines.push(...f.parts.map((p) => p.line), ...f.labels.map((p) => p.line));
      if (goalTaskItems.has(f)) goalTaskLines.push(...f.parts.map((p) => p.line));
      const body = joinLines(f.parts, width);
      const trailer = findTrailer(body, trailerState) ?? labelLinesTrailer(f.labels, body);
      const text = trailer ? trailer.text : body.trim();
      const number = restarts && f.section ? `${f.section.label}${f.number}` : String(f.number);
      const deadlineText = f.labels.map((l) => /^(?:完成时限|完成时间|时间节点)[：:](.+)$/u.exec(l.text)?.[1]).find(Boolean);
      // "1.加快建设创新平台" on its own line, the paragraph below: the line is the title.
      const first = f.parts[0]!.text;
      const titleLine = f.parts.length > 1 && TITLE_LINE.test(first) && first.length < width - 2;
      makeTask(number, f.section, titleLine ? first.replace(/。$/u, '') : titleOf(text), text, trailer, f.line, { deadlineText });
      if (goalTaskItems.has(f)) goalTaskKeys.add(tasks[tasks.length - 1]!.key);
    }
    makeHeaded(Infinity);
  } else {
    // Paragraphs ending with their units become tasks.
    const found: { section?: Section; label?: string; title: string; body: string; trailer?: FoundTrailer; line: number }[] = [];
    for (const b of blocks) {
      if (b.section?.level === 9 || roleOf(b) === 'review') continue;
      // "责任单位：…" on a line of its own ends the paragraph above it, like a trailer in brackets.
      // Consecutive unit lines (牵头单位：… / 责任单位：…) make one trailer.
      const own = b.lines.map((l, i) => {
        if (!UNIT_LINE.test(l.text)) return l;
        const first = !UNIT_LINE.test(b.lines[i - 1]?.text ?? '');
        const last = !UNIT_LINE.test(b.lines[i + 1]?.text ?? '');
        return { line: l.line, text: `${first ? '（' : '；'}${l.text.replace(/[。；]$/u, '')}${last ? '）' : ''}` };
      });
      const joined = joinLines(own, width);
      const offsets = lineOffsets(own, width);
      const pieces = splitOnTrailers(joined, trailerState);
      // The lines up to the last trailer went into tasks; what follows it is not placed.
      const end = pieces.length ? pieces[pieces.length - 1]!.end : 0;
      taskSourceLines.push(...offsets.filter((o) => o.at < end).map((o) => o.line));
      for (const p of pieces) {
        const only = pieces.length === 1 && b.section && b.section.level <= 3;
        // An item that is its heading alone, its units on the line below ((一)地区生产总值增长7%以上 /
        // 责任单位:区发展和改革局, as a 责任分解方案 assigns its goals): the heading is the task, in a
        // goal section too (a goal assigned to a unit is a task the unit reports on).
        const body = p.body.trim().length < 4 && only && !b.headingRest ? b.section!.title : p.body;
        if (body.length < 4) continue;
        const paragraphs = body.split('\n');
        const last = paragraphs[paragraphs.length - 1]!;
        found.push({ section: b.section, label: only ? b.section!.label : undefined, title: only ? b.section!.title : titleOf(last), body, trailer: p.trailer, line: only && body !== p.body ? (b.headingLine ?? lineAt(offsets, p.start)) : lineAt(offsets, p.start) });
      }
    }
    // Each a numbered item holding one paragraph with its units, numbered once through the text
    // （三）…（二十五）: the items' numbers are the tasks'; else they are numbered in order.
    const labels = found.map((f) => f.label);
    const own = labels.every((l) => l !== undefined) && new Set(labels).size === labels.length;
    if (own && found.length) {
      // Then the items of the same numbering without units (保障措施 （二十三）强化组织领导。) are tasks too.
      const taken = new Set(found.map((f) => f.section));
      for (const b of blocks)
        if (!taken.has(b.section) && isItem(b, found[0]!.section!.level)) {
          taskSourceLines.push(...b.lines.map((l) => l.line));
          found.push({ section: b.section, label: b.section!.label, title: b.section!.title, body: joinLines(b.lines, width).trim(), line: b.headingLine ?? 1 });
        }
      found.sort((a, b) => a.line - b.line);
    }
    found.forEach((f, i) => makeTask(own ? f.label! : String(i + 1), f.section, f.title, f.body, f.trailer, f.line));
  }
  // Rows of a task table (序号 任务 主要责任单位 协同配合单位 完成期限).
  for (const r of clean.taskRows) {
    const unitsText = `牵头单位：${r.lead.join('、')}${r.partners ? `；责任单位：${r.partners}` : ''}`;
    // A row cut by the end of the copy after its lead cell: its responsible units are not known.
    const units = r.cut ? { leadUnits: r.lead, responsibleUnits: [], leadInferred: false } : readLabelledUnits(unitsText);
    if (r.cut) issues.push({ line: r.lines[r.lines.length - 1]!, message: `第${r.number}项任务的表格行在文本末尾被截断，责任单位没有读到，请核对原文后填写。` });
    taskSourceLines.push(...r.lines);
    makeTask(r.number, undefined, titleOf(r.task), r.task, units && { form: 'task-table', unitsText, text: r.task, units }, r.lines[0]!, r.deadline ? { deadlineText: r.deadline } : {});
  }
  // No numbered task and no units: numbered items written as a title and a paragraph are the tasks
  // (TITLED_ITEM_LEVELS): （一）标题。正文… on one line, or the title on its own line and the
  // paragraph below; items with lower-level items under them are sections.
  if (!tasks.length && !describes) {
    for (const { level } of TITLED_ITEM_LEVELS) {
      const items = blocks.filter((b) => isItem(b, level));
      // Numbering restarting in every section (二、（一）… 三、（一）…): the number carries the section's.
      const restarts = new Set(items.map((b) => b.section!.label)).size < items.length;
      const label = (s: Section) => (restarts ? `${sections.find((p) => p.id === s.parentId)?.label ?? ''}${s.label}` : s.label);
      for (const b of items) {
        const body = joinLines(b.lines, width);
        const trailer = findTrailer(body, trailerState);
        taskSourceLines.push(...b.lines.map((l) => l.line));
        makeTask(label(b.section!), b.section, b.section!.title, trailer ? trailer.text : body.trim(), trailer, b.headingLine ?? 1);
      }
      if (items.length) break;
    }
  }
  if (!tasks.length && lines.length)
    issues.push({ line: 1, message: '没有找到编号任务（如“1. …”）或以“（责任单位：…）”结尾的段落。请在审核表中点“+ 添加任务”逐项录入。' });

  // A list grouped by its lead units (一、县示范区管委会牵头工作（8项） / 1.… / 2.…): the items name no units,
  // the section heading above them names the lead — and, only a lead being given, the responsible unit.
  for (const t of tasks) {
    if (t.unitsText) continue;
    for (let s = sections.find((x) => x.id === t.sectionId); s; s = sections.find((x) => x.id === s!.parentId)) {
      const m = SECTION_LEAD.exec(s.title);
      if (!m) continue;
      t.leadUnits = [canonicalUnit(m[1]!)];
      t.responsibleUnits = [canonicalUnit(m[1]!)];
      t.unitsText = s.title;
      break;
    }
  }
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
  const baseYear = countingBase(lines.map((l) => l.text).join('\n'), Number(meta.issueDate?.slice(0, 4)) || undefined);
  // The cover notice's title names who issues the plan (区人民政府办公室关于印发…的通知): weighed after the plan's title and issuer.
  const noticeTitle = lines.slice(0, 12).find((l) => /关于印发.+的通知$/u.test(l.text))?.text ?? '';
  const scope = documentScope([meta.title ?? '', meta.issuer ?? '', noticeTitle], lines.map((l) => l.text).join('\n'));
  const addTargets = (paragraph: string, kind: Target['kind'], taskKey?: string, futureOnly = false, bareFigures = false) => {
    for (const f of findTargets(paragraph, { defaultYear, baseYear, scope, futureOnly, bareFigures })) {
      if (targets.some((t) => t.taskKey === taskKey && t.name === f.name && t.value === f.value && t.unit === f.unit && t.year === f.year)) continue;
      targets.push({ id: `${documentId}-t${String(targets.length + 1).padStart(3, '0')}`, documentId, taskKey, kind, ...f });
    }
  };
  const inTasks = new Set(taskSourceLines);
  const goalTasks = new Set(goalTaskLines);
  for (const b of blocks) {
    const role = roleOf(b);
    // A goal section's targets, but for the items that became tasks (their targets are the tasks').
    if (role === 'goal') addTargets(joinLines(b.lines.filter((l) => !goalTasks.has(l.line)), width), 'goal', undefined, false, true);
    else if (role !== 'review' && b.section?.level !== 9) {
      // Outside goals and tasks (the preamble, a cover notice): only sentences about the future.
      const rest = b.lines.filter((l) => !inTasks.has(l.line));
      if (rest.length) addTargets(joinLines(rest, width), 'goal', undefined, true);
    }
  }
  for (const t of tasks) addTargets(t.text, 'task', t.key, false, goalTaskKeys.has(t.key));
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
      ...(r.bound ? { bound: r.bound } : {}),
      ...(r.attribute ? { attribute: r.attribute } : {}),
      ...(r.responsible ? { responsible: r.responsible } : {}),
    };
  });
  for (const r of clean.pipeRows)
    indicatorTable.push({
      index: r.index,
      name: r.name,
      unit: r.unit,
      baseline: numberIn(r.baselineText),
      ...(r.baselineYear ? { baselineYear: r.baselineYear } : {}),
      target: numberIn(r.targetText),
      ...(r.targetYear ? { targetYear: r.targetYear } : {}),
      baselineText: r.baselineText,
      targetText: r.targetText,
      table: '',
      line: r.lines[0]!,
      scope: r.scope,
    });
  // A goal the indicator table repeats is the table's row (with its baseline).
  for (let i = targets.length - 1; i >= 0; i--) {
    const t = targets[i]!;
    if (t.kind === 'goal' && indicatorTable.some((r) => r.name === t.name && r.target === t.value && r.unit === t.unit)) targets.splice(i, 1);
  }
  targets.forEach((t, i) => (t.id = `${documentId}-t${String(i + 1).padStart(3, '0')}`));
  for (const r of indicatorTable) {
    if (r.target === undefined) continue;
    targets.push({
      id: `${documentId}-t${String(targets.length + 1).padStart(3, '0')}`,
      documentId,
      kind: 'table',
      name: r.name,
      unit: r.unit,
      comparator: r.bound === '≥' ? '不低于' : r.bound === '≤' ? '控制在' : /增速|增长/u.test(r.targetText + r.name) ? '增长' : '达到',
      value: r.target,
      year: r.targetYear,
      baseline: r.baseline,
      baselineYear: r.baselineYear,
      sourceText: `${r.scope ? `${r.scope} ` : ''}${r.index} ${r.name}（${r.unit}） ${r.baselineText} ${r.targetText}`,
      ...(r.scope ? { scope: r.scope } : {}),
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
  // 外地文件: another city's (county's, province's) document keeps its units as written and concerns no Wuhan office.
  const place = issuingPlace([meta.issuer ?? '', ...issuerLines(lines.map((l) => l.text))], [meta.title ?? '', noticeTitle]);
  // A Wuhan district's own document: its bare 区××局 are that district's (another district's tasks are not its own).
  if (place.district) {
    document.issuedByDistrict = place.district;
    for (const t of tasks) t.issuedByDistrict = place.district;
  }
  const elsewhere = place.elsewhere;
  if (elsewhere) {
    document.issuedElsewhere = elsewhere;
    for (const t of tasks) {
      t.issuedElsewhere = elsewhere;
      t.leadUnits = [...new Set(t.leadUnits.map((u) => unitAsWritten(u, t.unitsText ?? '')))];
      t.responsibleUnits = [...new Set(t.responsibleUnits.map((u) => unitAsWritten(u, t.unitsText ?? '')))];
    }
  }
  // A target without "到YYYY年" is due at the end of the document's horizon.
  if (document.planEndYear !== undefined) for (const t of targets) t.year ??= document.planEndYear;
  // No span in the title: the year the text says it starts ("2012年起5年内"), else the year of issue.
  if (document.planStartYear === undefined && document.planEndYear !== undefined) {
    const from = startYear(lines.map((l) => l.text).join('\n'));
    document.planStartYear = from !== undefined && from <= document.planEndYear ? from : Number(document.issueDate?.slice(0, 4)) || document.planEndYear;
  }
  // ---- what no task, heading or header line took
  const placed = new Set<number>([...taskSourceLines, ...blocks.flatMap((b) => (b.headingLine !== undefined && !b.headingRest ? [b.headingLine] : []))]);
  const header = headerLines(lines, document);
  const unplaced: UnplacedText[] = [];
  for (const b of blocks) {
    let run: CleanLine[] = [];
    const flush = () => {
      if (!run.length) return;
      const text = joinLines(run, width);
      const count = targets.filter((t) => t.kind === 'goal' && text.includes(t.sourceText)).length;
      unplaced.push({ line: run[0]!.line, text, targets: count });
      run = [];
    };
    for (const l of b.lines) {
      if (placed.has(l.line) || header.has(l.line)) flush();
      else run.push(l);
    }
    flush();
  }
  unplaced.sort((a, b) => a.line - b.line);
  const lineUse: Record<number, LineUse> = {};
  for (const r of clean.removed) lineUse[r.line] = r.what === TABLE_TITLE || r.what === TABLE_HEADER_LINE ? 'table' : 'removed';
  for (const r of clean.tableRows) lineUse[r.line] = 'table';
  for (const r of clean.taskRows) for (const line of r.lines) lineUse[line] = 'task';
  for (const b of blocks) {
    if (b.headingLine !== undefined) lineUse[b.headingLine] = 'heading';
    for (const l of b.lines) lineUse[l.line] = placed.has(l.line) ? 'task' : header.has(l.line) ? 'header' : 'unplaced';
  }
  return { document: stripUndefined(document) as PolicyDocument, sections, tasks: tasks.map((t) => stripUndefined(t) as Task), targets: targets.map((t) => stripUndefined(t) as Target), indicatorTable, issues, unplaced, lineUse };
}

type Meta = Partial<Omit<PolicyDocument, 'id' | 'addedAt' | 'source'>>;

function readMetadata(lines: CleanLine[], issues: ParseIssue[]): Meta {
  const meta: Meta = {};
  meta.docNumber = ownDocNumber(lines);
  const dateIdx = lines.findIndex((l) => DATE_LINE.test(l.text));
  if (dateIdx >= 0) {
    const [, y, m, d] = DATE_LINE.exec(lines[dateIdx]!.text)!;
    meta.issueDate = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
    const prev = lines[dateIdx - 1]?.text;
    if (prev && /(政府|办公厅|委员会|管委会|局|办公室)$/u.test(prev) && prev.length <= 20) meta.issuer = prev;
  }
  // A government site's metadata block: "名称：… 文号：", "发布机构：…".
  const labelled = readLabelledMetadata(lines.slice(0, 25));
  meta.issuer ??= labelled.issuer;
  // A labelled cover notice (名称：…关于印发X的通知) is weighed like any notice title: X when X is in the text.
  meta.title = ((labelled.title && !/关于印发/u.test(labelled.title) ? labelled.title : undefined) ?? readTitle(lines, labelled.title))?.replace(DRAFT_MARK, '').replace(PART_MARK, '');
  if (!meta.title) issues.push({ line: 1, message: '没有找到文件标题（如《……》或首行标题），请在审核时填写。' });
  const title = meta.title ?? '';
  // （2022—2024年）, with a double dash as Wuhan's texts often write it (2022——2024年).
  const span = /（(\d{4})(?:[—\-–－~]{1,2}|至)(\d{4})年）/u.exec(title);
  if (span) {
    meta.planStartYear = Number(span[1]);
    meta.planEndYear = Number(span[2]);
  } else if (/十四五|第十四个五年/u.test(title)) {
    meta.planStartYear = 2021;
    meta.planEndYear = 2025;
  } else if (/十五五|第十五个五年/u.test(title)) {
    meta.planStartYear = 2026;
    meta.planEndYear = 2030;
  } else {
    // The year at the start, or right after the place the plan is for (宣州区2023年科技创新工作实施方案).
    const y = /^(\d{4})年/u.exec(title) ?? /^[\u4e00-\u9fff]{2,8}?(?:区|县|市|州)(\d{4})年(?!\d)/u.exec(title) ?? (isOneYearPlan(title) ? /(\d{4})年/u.exec(title) : null);
    const issued = isOneYearPlan(title) ? Number(meta.issueDate?.slice(0, 4)) || undefined : undefined;
    if (y) meta.planStartYear = meta.planEndYear = Number(y[1]);
    else if (issued) meta.planStartYear = meta.planEndYear = issued;
  }
  return meta;
}

/** Labels of a government site's metadata block, and the field each gives. */
export const METADATA_LABELS: { label: RegExp; field: 'title' | 'issuer'; example: string }[] = [
  { label: /^(?:名称|标题|文件名称)$/u, field: 'title', example: '名称: 2023年本部门年度重点工作任务的任务分解 文号:' },
  { label: /^(?:发布机构|发文机构|发文单位|发布单位|制发机关)$/u, field: 'issuer', example: '发布机构: 谯城区科学技术局 主题分类: 科技、教育' },
  // A legal database's page: "发文标题: … / 发文文号: … / 发文部门: …".
  { label: /^发文标题$/u, field: 'title', example: '发文标题: 金华市人民政府关于补齐科技创新短板的若干意见' },
  { label: /^发文部门$/u, field: 'issuer', example: '发文部门: 谯城区科学技术局' },
];
const ANY_LABEL = /(索引号|组配分类|主题分类|发文标题|名称|标题|文件名称|发文文号|文号|发文字号|发文日期|发布日期|成文日期|发布机构|发文机构|发文单位|发布单位|发文部门|制发机关|有效性|信息来源|发布时间|发文时间|实施时间|法规类型|所属行业|所属区域)[：:]/gu;

/** The fields of a metadata block ("名称：…", "发布机构：…"); several labels may share a line. */
export function readLabelledMetadata(lines: CleanLine[]): { title?: string; issuer?: string } {
  const out: { title?: string; issuer?: string } = {};
  for (const l of lines) {
    const hits = [...l.text.matchAll(ANY_LABEL)];
    // Only a line that starts with a label is metadata (the words may stand in a sentence too).
    if (hits[0]?.index !== l.text.search(/[^·\s]/u)) continue;
    hits.forEach((h, i) => {
      const value = l.text.slice(h.index! + h[0].length, hits[i + 1]?.index ?? l.text.length).replace(/^[·\s]+|[·\s]+$/gu, '');
      const row = METADATA_LABELS.find((r) => r.label.test(h[1]!));
      if (row && value && !out[row.field]) out[row.field] = value;
    });
  }
  return out;
}

/** A date on a line of its own, or in brackets under the title: 2023年3月1日, （2015年9月15日）. */
const DATE_LINE = /^[（(]?(\d{4})年(\d{1,2})月(\d{1,2})日[）)]?$/u;
// Spaces the copy put around its brackets are allowed ("许政 [2020] 20号"), and dropped from the number.
const DOC_NUMBER = /([\u4e00-\u9fff]{1,12}\s?[〔［[【]\d{4}[〕］\]】]\s?\d+号)/u;
/**
 * A 文号 alone on its line that lost its closing bracket and 号 (or one of them), its opening bracket
 * and 号 ("陂政办2018〕1"), or both brackets and 号 ("潜政办发20241": the year is four digits, the
 * number what follows).
 */
export const LOST_DOC_NUMBER = /^([\u4e00-\u9fff]{1,12}[发字函办])(?:[〔［[](\d{4})[〕］\]]?|((?:19|20)\d{2})[〕］\]]?)(\d{1,4})号?$/u;
/** "【栏目】" or "栏目丨" before a title line: the site's column, not the document's words. */
const SITE_LABEL = /^(?:【[^】]{1,30}】|[\u4e00-\u9fff]{2,10}[丨｜])(?=[\u4e00-\u9fff]{0,30}关于)/u;
/**
 * "现将《政府工作报告》提出的…任务予以分解": the 《X》 whose tasks the text hands out (提出的, 确定的,
 * 现将《政府工作报告》中涉及…的目标任务分解下达), not the plan it issues.
 */
const SOURCE_NOT_PLAN = '(?!提出|确定|明确|部署|中)';
/** A draft's mark closing a title (（征求意见稿）): no part of the document's name. */
const DRAFT_MARK = /[（(](?:征求意见稿|送审稿|讨论稿|草案)[^）)]{0,8}[）)]$/u;
/** A metadata line naming the title, after a bullet (• 名  称:市人民政府办公室关于印发…的通知): the title is what follows. */
const TITLE_LABEL = /^[•·]?\s*(?:名称|标题|文件名称)[：:]\s*(?=\S)/u;
/** A heading and, in brackets closing it, a 文号 (…重点工作任务(华政发〔2021〕2号)). */
const HEADING_WITH_DOC_NUMBER = /^(\S.{5,60}?)\s*[（(]\s*[\u4e00-\u9fff]{1,12}\s?[〔［[]\d{4}[〕］\]]\s?\d+号\s*[）)]$/u;
/** A section named for the unit that leads its items (县示范区管委会牵头工作（8项）, 区科技局牵头任务): the unit. */
const SECTION_LEAD = /^([\u4e00-\u9fff（）()]{2,30}?(?:局|委|办|委员会|管委会|政府|中心|公司|部|院|所|室|处|厅|队|站|会))牵头(?:的)?(?:工作|任务|事项)?(?:[（(]共?\d+项[）)])?$/u;
/** A metadata row of a pipe table giving the title (标题: | 亳州市…的通知 | ||): the title is the cell. */
const PIPE_TITLE_ROW = /^(?:标题|名称)[：:]?\s*[|｜]\s*([^|｜]{6,}?)\s*[|｜\s]*$/u;
/** A 文号 written before the title on its line (江政办〔2020〕2号 区人民政府办公室关于印发…的通知): none of the title. */
const LEADING_DOC_NUMBER = /^[\u4e00-\u9fff]{1,12}[〔［[]\d{4}[〕］\]]\s?\d+\s?号\s*[—–-]?\s*(?=[\u4e00-\u9fff]{0,30}关于)/u;
/** "标题" / "名称" glued to the title it labels, the colon left out (标     题 区人民政府…的通知). */
const UNCOLONED_TITLE_LABEL = /^(?:标题|名称|文件名称)(?=[^：:]{6,}(?:的通知|方案|规划|意见|要点|计划)$)/u;
/** Metadata labels a page may give one a line, their values on the next line (发文字号 / 随政办发〔2024〕7号). */
const METADATA_LABEL_LINE = /^(?:索引号|主题分类|组配分类|发布日期|成文日期|发文日期|发文字号|文号|效力状态|有效性|编辑|审核|发布机构|发文机关|信息来源|公开方式|公开范围)$/u;

/** The line is a metadata label given alone on its line, or the value on the line after such a label. */
function isMetadataPair(lines: CleanLine[], i: number): boolean {
  return METADATA_LABEL_LINE.test(lines[i]!.text) || (i > 0 && METADATA_LABEL_LINE.test(lines[i - 1]!.text) && lines[i]!.text.length <= 40);
}

/** A part of a text published in parts (…责任分解方案(下)): no part of the document's name. */
const PART_MARK = /[（(][上中下][）)]$/u;
/** Words a document's title ends with. */
const TITLE_KIND = /(?:规划|方案|要点|意见|办法|措施|通知|计划|纲要|工作报告|办理情况|细则|决定|若干政策|清单|任务分解|责任分工|任务分工|一览表|分解表|解读|摘编|推进情况|落实情况|通报)(?:[（(][^）)]*[）)])?$/u;
/** A page that reads or explains a document (《…分工方案》政策解读): it describes the tasks, it holds none. */
const DESCRIBES = /解读$/u;
/** The sentence of a cover notice that hands its plan over, or of a reading that reads one. */
const NOTICE_SENTENCE = /印发给你们|现印发你们|现予印发|予以分解|分解印发|通知如下|分解下达|分解下发|解读如下/u;
/** A report of what was done on a plan (…落实情况, …完成情况, …进展情况, a period in brackets after it). */
const REPORTS_PROGRESS = /(?:落实|完成|进展|推进)情况(?:[（(][^）)]*[）)])?$/u;

/**
 * The document's own 文号: in the header, on a line of its own or after 文号/发文字号.
 * Numbers inside a sentence (根据《…》（宁党发〔2022〕4号）) belong to cited documents.
 */
function ownDocNumber(lines: CleanLine[]): string | undefined {
  for (const l of lines.slice(0, 15)) {
    // A 文号 line of its own whose 〕 and 号 a web copy lost ("津滨政办发〔201922").
    const lost = LOST_DOC_NUMBER.exec(l.text);
    if (lost) return `${lost[1]}〔${lost[2] ?? lost[3]}〕${lost[4]}号`;
    // After a 文号 label, the number is what follows it, also when the label has no colon and the
    // copy lost the spaces around it ("发布机构区人民政府办公室文号蔡政办〔2023〕1号").
    const label = /(?:发文字号|发文文号|发文序号|文件编号|文\s{0,3}号)\s*[：:]?/u.exec(l.text);
    const m = DOC_NUMBER.exec(label ? l.text.slice(label.index + label[0].length) : l.text);
    if (!m) continue;
    const rest = l.text.replace(m[1]!, '').replace(/发文字号|文号|字号|成文日期|发布日期|[\d\-–:：|［］[\]（）()\s]/gu, '');
    // Also a 文号 heading its line before the notice's title ("阳政办〔2019〕1号—区人民政府办公室关于印发…").
    const heads = l.text.startsWith(m[1]!) && /^[—–\-\s]*(?:[\u4e00-\u9fff]{0,20}关于|[\u4e00-\u9fff]{2,20}(?:政府|办公室|办公厅)关于)/u.test(l.text.slice(m[1]!.length));
    // Or in brackets closing the page's heading ("2021年县政府重点工作任务(华政发〔2021〕2号)").
    const closes = new RegExp(`[（(]\\s*${escapeRe(m[1]!)}\\s*[）)]$`, 'u').test(l.text) && !/[。，；]/u.test(l.text);
    // (A web copy may write the year in 【】: 武昌政办【2019】3号.)
    if (rest.length <= 4 || heads || closes || /文\s{0,3}号|发文字号|发文序号|文件编号/u.test(l.text)) return m[1]!.replace(/\s/gu, '').replace(/[［[【]/u, '〔').replace(/[］\]】]/u, '〕');
  }
  return undefined;
}

/**
 * The document's title, in this order: a "关于…" title at the top that is not a cover
 * notice (split over lines: joined); the 《…》 a cover notice issues; "关于印发…的通知"
 * without 《》; a line of its own near the top that reads like a title.
 */
function readTitle(lines: CleanLine[], labelledNotice?: string): string | undefined {
  // A site's column label in 【】 before the title ("【市政府重点工作及责任分解】滁州市人民政府关于…的通知") is none of it.
  // A metadata label with no colon before the title ("标     题 区人民政府办公室关于印发…的通知") is none of it either.
  const head = lines
    .filter((l, i) => !isMetadataPair(lines, i))
    .slice(0, 12)
    .map((l) => l.text.replace(SITE_LABEL, '').replace(PIPE_TITLE_ROW, '$1').replace(UNCOLONED_TITLE_LABEL, '').replace(TITLE_LABEL, '').replace(LEADING_DOC_NUMBER, ''))
    // The notice's list of attachments (附件:X) names a table it sends, never the title of what is read.
    .filter((t) => !/^附件/u.test(t));
  // A notice whose plan is its one attachment, named but not quoted (附件：X … X as the attachment's
  // heading): X is the document's title, as the plan a notice quotes (印发《X》) is.
  // A notice copied without its own title that sends several (附件：1.X / 2.Y …) and whose copy goes on into
  // the first one's heading and body: X is what is read (a notice with its title names them all: it is the document).
  const attached = lines.flatMap((l, i) => (/^附件\s*[：:]\s*\S/u.test(l.text) ? [{ i, name: l.text.replace(/^附件\s*[：:]\s*(?:\d{1,2}[.．、](?=\d{4}年|\D))?/u, ''), numbered: /^附件\s*[：:]\s*\d{1,2}[.．、]/u.test(l.text) }] : []));
  const noticeTitled = head.some((t) => /通知$/u.test(t));
  const sends = (a: { i: number; numbered: boolean }) => (a.numbered ? !noticeTitled && lines.slice(0, a.i).some((l) => NOTICE_SENTENCE.test(l.text)) : noticeTitled);
  if (attached.length === 1 && TITLE_KIND.test(attached[0]!.name) && sends(attached[0]!)) {
    const flat = (x: string) => x.replace(/[《》〈〉“”"\s（）()]/gu, '');
    const heading = lines.slice(attached[0]!.i + 1).find((l) => flat(l.text) === flat(attached[0]!.name));
    if (heading) return heading.text;
  }
  // A 政策问答 page: its heading is the question, as written.
  if (head[0] && /[？?]$/u.test(head[0]) && head[0].length <= 100) return head[0];
  // A page's heading closed by the 文号 in brackets (2021年县政府重点工作任务(华政发〔2021〕2号)) heads the
  // notice copied without its plan: the words before the bracket are the title.
  const numbered = head.map((t) => HEADING_WITH_DOC_NUMBER.exec(t)?.[1]).find((t) => t && !/[。，；：:]/u.test(t));
  if (numbered && !planBodyInText(lines)) return numbered;
  for (let i = 0; i < Math.min(head.length, 4); i++) {
    // "关于…" or "<issuers>关于…" (中共天津市委天津市人民政府关于…的实施意见), not a cover notice.
    const issuerFirst = /^[\u4e00-\u9fff]{2,30}(?:委|政府|厅|局|办公室|办公厅|委员会|国务院)关于/u.test(head[i]!);
    if ((!head[i]!.startsWith('关于') && !issuerFirst) || /印发/u.test(head[i]!)) continue;
    // The same title again below with its issuers on a line of their own: that line is the document's —
    // unless the issuer names no place (市人民政府办公室关于…): then the issuer is part of the name.
    if (issuerFirst && !/^[市区县]/u.test(head[i]!) && head.slice(i + 1).includes(head[i]!.slice(head[i]!.indexOf('关于')))) continue;
    let t = head[i]!;
    for (let j = i + 1; j < Math.min(head.length, i + 3) && !TITLE_KIND.test(t); j++) t += head[j]!;
    // Joined over lines it may turn out a cover notice (…关于 / 印发… / …的通知): not the document's own.
    if (TITLE_KIND.test(t) && t.length <= 80 && !/[。：]/u.test(t) && !/印发/u.test(t)) return t;
  }
  // The cover notice's own title ("…关于印发X的通知", perhaps over two lines).
  let notice: { title: string; issued: string } | undefined;
  for (let i = 0; i < head.length && !notice; i++) {
    const one = /关于印发(.+?)的通知$/u.exec(head[i]!);
    // A title over two lines; a metadata line (主题分类：|其他|) starts none, nor a line whose next is the title alone.
    const two = /[|｜：:]/u.test(head[i]!) || /关于印发(.+?)的通知$/u.test(head[i + 1] ?? '') ? '' : head[i]! + (head[i + 1] ?? '');
    const m = one ?? /关于印发(.+?)的通知$/u.exec(two);
    if (m) notice = { title: one ? head[i]! : two, issued: m[1]!.replace(/[《》]/gu, '') };
  }
  // A metadata block's 名称 further down than the head (a breadcrumb and a long block above it).
  const labelled = !notice && labelledNotice ? /关于印发(.+?)的通知$/u.exec(labelledNotice) : null;
  if (labelled) notice = { title: labelledNotice!, issued: labelled[1]!.replace(/[《》]/gu, '') };
  // Only the cover notice is in the text, not the plan it issues: the notice is the document.
  const bare = (x: string) => x.replace(/[《》〈〉“”"\s（）()]/gu, '');
  const quoted = lines.flatMap((l) => [...l.text.matchAll(new RegExp(`(?<=印发|现将)《([^》]+)》${SOURCE_NOT_PLAN}`, 'gu'))].map((m) => m[1]!));
  // A line of the text, or two in a row (a plan title split over two lines), outside the notice's sentences.
  const own = lines.flatMap((l, i) => {
    const next = lines[i + 1];
    return /印发|现将/u.test(l.text) ? [] : [l.text, ...(next && !/印发|现将/u.test(next.text) && l.text.length <= 40 ? [l.text + next.text] : [])];
  });
  // (A notice's title split over lines, …方案 / 的通知, names the plan: it does not hold it; nor does a
  // sentence naming it, its 《 lost: “2022年市〈政府工作报告〉…方案》已经市人民政府同意，…”.)
  // A copy that lost its line breaks runs the plan's heading on after the notice's date line
  // (…请认真贯彻落实。2022年4月23日长江中游城市群发展“十四五”实施方案…分工方案长江中游…): the plan is there too.
  const runsOn = (x: string) => {
    const after = new RegExp(`\\d{4}年\\d{1,2}月\\d{1,2}日${escapeRe(bare(x))}`, 'u');
    return lines.some((l) => after.test(bare(l.text)));
  };
  const planInText = (x: string) => own.some((t) => bare(t).includes(bare(x)) && !/的通知$/u.test(t) && !/[。，；]/u.test(t)) || (x.length >= 8 && runsOn(x));
  if (notice && notice.title.length <= 80 && ![notice.issued, ...quoted].some(planInText) && !planBodyInText(lines)) return notice.title;
  // The plan the notice issues stands in the text as its heading: the title as written there.
  const balanced = (t: string) => (t.match(/[（(]/gu) ?? []).length === (t.match(/[）)]/gu) ?? []).length && (t.match(/《/gu) ?? []).length === (t.match(/》/gu) ?? []).length;
  const heading = notice && own.find((t) => bare(t) === bare(notice.issued) && balanced(t));
  if (heading) return heading;
  for (const l of lines) {
    if (!/印发|现将|已经/u.test(l.text)) continue;
    // The document the notice issues: 印发《X》, 现将《X》, 《X》已经… (not a document X cites).
    // A quoted notice (《…关于印发〈X〉的通知》, a legal site's heading) is the notice, not what it issues.
    const q = [...l.text.matchAll(new RegExp(`(?<=印发|现将|^)《([^》]+)》${SOURCE_NOT_PLAN}|《([^》]+)》(?=已经|已|现印发|印发给)`, 'gu'))].map((m) => (m[1] ?? m[2])!).find((x) => TITLE_KIND.test(x) && !/关于印发/u.test(x));
    // The plan's heading in the text gives the title as written (《》 where the notice nests 〈〉).
    if (q) return own.find((t) => bare(t) === bare(q) && balanced(t)) ?? q;
  }
  if (notice) return notice.issued;
  // A title names its subject: a bare section name (保障措施, 工作要点) is none.
  // "2009年各县市区、市属各开发区高新技术产业 / 发展目标指导计划": a short last line continues the one before.
  const continues = (k: number) => {
    const prev = head[k - 1];
    return !!prev && k <= 3 && head[k]!.length <= 10 && prev.length <= 30 && !/[：:。，；]$|(?:政府|办公厅|委员会|局|办公室|文件)$/u.test(prev) && !TITLE_KIND.test(prev) && !DATE_LINE.test(prev) && !DOC_NUMBER.test(prev);
  };
  const i = head.findIndex((t) => t.length <= 40 && TITLE_KIND.test(t) && t.replace(TITLE_KIND, '').length >= 3 && !/[：。，；]$/u.test(t) && !/^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）|^关于印发/u.test(t));
  if (i < 0) {
    // "2019年第四季度科技宣传及科技信息 / 工作要点": the kind alone on the second line (a bare 工作要点
    // is no title by itself, but closes the line above it).
    const k = head.findIndex((t, j) => j > 0 && /^(?:工作)?(?:要点|方案|计划|规划|意见)$/u.test(t) && continues(j));
    return k > 0 ? head[k - 1]! + head[k]! : undefined;
  }
  // "国务院关于推动内蒙古高质量发展 / 奋力书写中国式现代化新篇章的意见": a title split over two lines.
  const prev = head[i - 1];
  if (prev && prev.length <= 30 && /关于/u.test(prev) && !/[：。，；]$/u.test(prev) && !TITLE_KIND.test(prev) && !/关于/u.test(head[i]!)) return prev + head[i]!;
  if (continues(i)) return prev + head[i]!;
  return head[i];
}

/** The plan's own preamble: "…，特制定本方案。", "现提出如下实施意见：". */
const PLAN_PREAMBLE = /制定本(?:实施)?(?:方案|意见|计划|规划|办法|细则|要点|措施)|制订本(?:实施)?(?:方案|意见|计划|规划)|提出(?:如下|以下)(?:实施)?意见/u;

/**
 * The copy holds the body of the plan a notice issues, though not its heading: the plan's own
 * preamble (特制定本方案), or numbered sections after the notice's date line (the notice ended).
 * Then the document is that plan, not the notice (成都 2024, 北京 2016 工作要点).
 */
function planBodyInText(lines: CleanLine[]): boolean {
  if (lines.some((l) => PLAN_PREAMBLE.test(l.text) && !/印发|现将/u.test(l.text))) return true;
  const date = lines.findIndex((l) => DATE_LINE.test(l.text));
  return date >= 0 && lines.slice(date + 1).some((l) => /^[一二三四五六七八九十]+、/u.test(l.text));
}

/** Lines of the header: 文号, title, issuer, date, addressee, publication notes. */
function headerLines(lines: CleanLine[], doc: PolicyDocument): Set<number> {
  const out = new Set<number>();
  const title = doc.title.replace(/[《》]/gu, '');
  lines.forEach((l, i) => {
    const t = l.text;
    const top = i < 15;
    if (
      (doc.docNumber && t.includes(doc.docNumber)) ||
      DOC_NUMBER.test(t) && top ||
      DATE_LINE.test(t) ||
      /^[〇零一二三四五六七八九十○]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$/u.test(t) ||
      (doc.issuer && t === doc.issuer) ||
      (title && t.length >= 4 && (title.includes(t.replace(/[《》]/gu, '')) || (top && t.replace(/[《》]/gu, '').includes(title) && t.length <= title.length + 20))) ||
      (top && (/关于印发|文件$/u.test(t) || /(?:政府|办公厅|委员会|管委会|局|办公室)$/u.test(t)) && t.length <= 60 && !/。/u.test(t)) ||
      (top && /[：:]$/u.test(t) && t.length <= 120 && !/。/u.test(t)) ||
      /^[（(]此件公开发布[）)]$|^附件[：:]|^[（(]?征求意见稿[）)]?$/u.test(t)
    )
      out.add(l.line);
  });
  return out;
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
  // The issuer, 关于印发…的通知 and 《》 are no part of the name; a long name is kept whole (it is
  // printed: a grid cuts it on screen, a report wraps it — a "…" in the data would be printed).
  const t = title
    .replace(/^(?:武汉市|市人民政府(?:办公厅)?)/u, '')
    .replace(/^[\u4e00-\u9fff]{0,6}?[市区县](?:人民政府|政府)?(?:办公厅|办公室)?(?=关于)/u, '')
    .replace(/^[\u4e00-\u9fff]{0,6}?[市区县](?:人民政府|政府)(?:办公厅|办公室)?(?=\d{4}年)/u, '')
    .replace(/^关于(?:印发)?/u, '')
    .replace(/的通知$/u, '')
    .replace(/[《》]/gu, '')
    .replace(/（[^）]*）$/u, '');
  return t || '新政策文件';
}

/** A task key prefix from the metadata: `2023N4` for 武政办〔2023〕4号, else the plan year. */
export function deriveKeyPrefix(meta: Meta): string {
  const n = meta.docNumber ? /〔(\d{4})〕(\d+)号/u.exec(meta.docNumber) : null;
  if (n) return `${n[1]}N${n[2]}`;
  const year = meta.planStartYear ?? (Number(meta.issueDate?.slice(0, 4)) || undefined);
  return year ? `${year}WJ` : 'WJ';
}

/**
 * A line that starts a task in this numbering style (short items of some styles are headings,
 * unless a paragraph follows them: `next`, the line below).
 */
function isTaskLine(style: NumberingStyle, text: string, next?: string): boolean {
  const m = style.re.exec(text);
  if (!m) return false;
  if (!style.needsSentence || /[。；]/u.test(m[2]!) || m[2]!.length > 40) return true;
  return TITLE_LINE.test(m[2]!) && next !== undefined && isBodyLine(next);
}

/** A line of running text: a sentence, not a numbered item or a heading. */
function isBodyLine(text: string): boolean {
  return /[。；]/u.test(text) && !TASK_NUMBERING.some((s) => s.re.test(text)) && !readHeading(text) && !UNIT_LINE.test(text);
}

/**
 * The numbering style of the document's tasks: the style whose items form the longest
 * sequence (restarting at 1 in a new section counts); one item is enough for "1." when it
 * is a sentence. Undefined when no style numbers tasks.
 */
export function chooseNumbering(lines: CleanLine[]): NumberingStyle | undefined {
  let best: { style: NumberingStyle; count: number } | undefined;
  for (const style of TASK_NUMBERING) {
    let expected = firstOfRun(style, lines);
    let count = 0;
    let sentence = false;
    let long = false;
    for (const [i, l] of lines.entries()) {
      if (!isTaskLine(style, l.text, lines[i + 1]?.text)) continue;
      const n = numberValue(style.re.exec(l.text)![1]!);
      if (n === expected || n === 1) {
        count++;
        expected = n + 1;
        sentence ||= /。/u.test(l.text);
        long ||= l.text.length > 60;
      }
    }
    // One "1." item is a task when it is a sentence or too long for a heading (a text cut short).
    const enough = count >= 2 || (count === 1 && (sentence || long) && style.id === 'arabic-dot');
    if (enough && (!best || count > best.count)) best = { style, count };
  }
  return best && measuresOfItems(lines, best.style) ? TASK_NUMBERING[0] : best?.style;
}

/**
 * The number the tasks start at: 1, or the first number of a run that starts above 1 and goes on
 * (116. / 117. …: the second part of a plan numbered through, a copy that starts inside it).
 */
function firstOfRun(style: NumberingStyle, lines: CleanLine[]): number {
  const numbers = lines.flatMap((l, i) => (isTaskLine(style, l.text, lines[i + 1]?.text) ? [numberValue(style.re.exec(l.text)![1]!)] : []));
  return numbers.length >= 2 && !numbers.includes(1) && numbers[1] === numbers[0]! + 1 ? numbers[0]! : 1;
}

/**
 * Items of a finer numbering ((1)…(4)) that are the measures of a "1." item: none carries units,
 * and the units stand on a line of their own after the run, closing the "1." item above it
 * (运城 2017: 1.完善应急预案体系 / (1)… (4)… / (责任单位:…)). Then the "1." items are the tasks.
 */
function measuresOfItems(lines: CleanLine[], style: NumberingStyle): boolean {
  const coarse = TASK_NUMBERING[0]!;
  if (style === coarse || !lines.some((l) => coarse.re.test(l.text))) return false;
  let lastCoarse = -1;
  let closed = 0;
  for (const [i, l] of lines.entries()) {
    if (coarse.re.test(l.text)) lastCoarse = i;
    const item = style.re.test(l.text);
    const trailer = findTrailer(l.text);
    if (item && trailer) return false;
    if (trailer && !trailer.text && /^[（(［【[]/u.test(l.text)) {
      // A units line alone: it closes a run of the finer items under a "1." item.
      if (!(i > 0 && style.re.test(lines[i - 1]!.text) && lastCoarse >= 0 && lastCoarse < i - 1)) return false;
      closed++;
    }
  }
  return closed > 0;
}

/**
 * A document's task key for a task number: `2023GZYD` and 7 → `2023GZYD-07`. The parser keys a
 * document's tasks so, and a task the city's list adds to a known document gets its key the same way.
 */
export function documentTaskKey(prefix: string, number: string): string {
  return `${prefix}-${keyNumber(number)}`;
}

/** Whether a task number has a key part of its own (7, （二）3), not words. */
export function isKeyableNumber(number: string): boolean {
  return /^\d+(?:\.\d+)?$/u.test(keyNumber(number.trim()));
}

/**
 * The prefix a document's tasks are keyed with (`2023GZYD` for 2023GZYD-04, 2023GZYD-2.03 and
 * 2023GZYD-04-2), when every key has one and they share it; the longest when two readings fit.
 */
export function sharedKeyPrefix(keys: readonly string[]): string | undefined {
  let common: Set<string> | undefined;
  for (const key of keys) {
    const readings = new Set<string>();
    for (let i = key.indexOf('-'); i > 0; i = key.indexOf('-', i + 1)) if (/^\d+(?:\.\d+)?(?:-\d+)?$/u.test(key.slice(i + 1))) readings.add(key.slice(0, i));
    common = common ? new Set([...common].filter((p) => readings.has(p))) : readings;
    if (common.size === 0) return undefined;
  }
  return common && [...common].sort((a, b) => b.length - a.length)[0];
}

/** The key part of a task number: 7 → 07, （二）3 → 2.03, （一） → 01, 三、（二） → 3.02. */
function keyNumber(number: string): string {
  const nested = /^([一二三四五六七八九十]+)、[（(]([一二三四五六七八九十]+)[）)]$/u.exec(number);
  if (nested) return `${chineseToInt(nested[1]!) ?? 0}.${String(chineseToInt(nested[2]!) ?? 0).padStart(2, '0')}`;
  const m = /^[（(]?([一二三四五六七八九十]+)[）)、]?(\d*)$/u.exec(number);
  if (m) {
    const section = chineseToInt(m[1]!) ?? 0;
    return m[2] ? `${section}.${m[2].padStart(2, '0')}` : String(section).padStart(2, '0');
  }
  return number.padStart(2, '0');
}

/** True when the text so far has a parenthesis still open (a trailer wrapped onto the next line). */
function insideParenthesis(parts: CleanLine[]): boolean {
  const text = parts.map((p) => p.text).join('');
  return (text.match(/[（(]/gu)?.length ?? 0) > (text.match(/[）)]/gu)?.length ?? 0);
}

/** Units written on their own lines under the task (牵头科室（单位）：…). */
function labelLinesTrailer(labels: CleanLine[], body: string): FoundTrailer | undefined {
  const unitLines = labels.filter((l) => UNIT_LINE.test(l.text)).map((l) => l.text);
  if (!unitLines.length) return undefined;
  const units = readLabelledUnits(unitLines.join('；'));
  return units ? { form: 'unit-lines', unitsText: unitLines.join('；'), text: body.trim(), units } : undefined;
}

/** A text cut at every units trailer: the paragraph before each trailer, with it. */
function splitOnTrailers(joined: string, state: TrailerState): { start: number; end: number; body: string; trailer: FoundTrailer }[] {
  const out: { start: number; end: number; body: string; trailer: FoundTrailer }[] = [];
  let start = 0;
  for (const t of allTrailers(joined, state)) {
    const body = joined.slice(start, t.at).replace(/^[。；\s]+/u, '').trim();
    out.push({ start, end: t.end, body, trailer: { form: t.form, unitsText: t.unitsText, text: body, units: t.units } });
    start = t.end;
  }
  return out;
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
  // A bullet is one line: "- 每万人口高价值发明专利拥有量超过50件" then a heading.
  if (/^[-•·]/u.test(text)) return true;
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

function escapeRe(x: string): string {
  return x.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
