/**
 * The review before a document is saved // 核对识别结果: the officer's corrections as pure
 * operations on the parsed tasks and targets (split a task in two, merge two, add, remove or
 * rename a target, a deadline typed in words), and a task-key prefix that is unique without
 * asking the officer to invent one.
 */
import { pinyin } from 'pinyin-pro';
import type { Target, Task } from '../model';
import { documentTaskKey } from './parse';

/** The tasks and targets under review. */
export interface ReviewDraft {
  tasks: Task[];
  targets: Target[];
}

/** The sentences of a task's text (each with its 。), for choosing where to split. */
export function sentencesOf(text: string): string[] {
  return text.split(/(?<=[。！？；\n])/u).map((s) => s.trim()).filter(Boolean);
}

function titleOf(text: string): string {
  const first = text.trim();
  const stop = first.search(/[。！？]/u);
  return (stop > 0 ? first.slice(0, stop) : first).trim();
}

/** A key not in `keys`: `base` followed by b, c, … */
function freeKey(base: string, keys: Set<string>): string {
  for (const c of 'bcdefghijklmnopqrstuvwxyz') if (!keys.has(`${base}${c}`)) return `${base}${c}`;
  let i = 2;
  while (keys.has(`${base}-${i}`)) i++;
  return `${base}-${i}`;
}

/**
 * Split a task in two before its sentence `at` (1 … sentences−1): the first part keeps the
 * key, the second becomes a new task after it (key `<key>b`, number `<number>之二`) with the
 * same units; targets read from the second part move with it.
 */
export function splitTask(d: ReviewDraft, key: string, at: number): ReviewDraft {
  const i = d.tasks.findIndex((t) => t.key === key);
  const task = d.tasks[i];
  if (!task) return d;
  const sentences = sentencesOf(task.text);
  if (at < 1 || at >= sentences.length) return d;
  const firstText = sentences.slice(0, at).join('');
  const secondText = sentences.slice(at).join('');
  const newKey = freeKey(key, new Set(d.tasks.map((t) => t.key)));
  const first: Task = { ...task, text: firstText, title: task.title && firstText.includes(task.title) ? task.title : titleOf(firstText) };
  const second: Task = { ...task, key: newKey, number: `${task.number}之二`, text: secondText, title: titleOf(secondText), unitsText: task.unitsText };
  const tasks = [...d.tasks.slice(0, i), first, second, ...d.tasks.slice(i + 1)].map((t, n) => ({ ...t, order: n + 1 }));
  const targets = d.targets.map((g) => (g.taskKey === key && g.sourceText && secondText.includes(g.sourceText) && !firstText.includes(g.sourceText) ? { ...g, taskKey: newKey } : g));
  return { tasks, targets };
}

/** Merge the task `key` with the one after it: texts joined, units of both, targets of both. */
export function mergeWithNext(d: ReviewDraft, key: string): ReviewDraft {
  const i = d.tasks.findIndex((t) => t.key === key);
  const a = d.tasks[i];
  const b = d.tasks[i + 1];
  if (!a || !b) return d;
  const union = (x: string[], y: string[]) => [...new Set([...x, ...y])];
  const merged: Task = {
    ...a,
    text: `${a.text}${/[。！？]$/u.test(a.text) ? '' : '。'}${b.text}`,
    leadUnits: union(a.leadUnits, b.leadUnits),
    responsibleUnits: union(a.responsibleUnits, b.responsibleUnits),
    unitsText: [a.unitsText, b.unitsText].filter(Boolean).join('') || undefined,
    deadline: a.deadline && b.deadline ? (a.deadline > b.deadline ? a.deadline : b.deadline) : (a.deadline ?? b.deadline),
    deadlineText: a.deadline && b.deadline ? (a.deadline > b.deadline ? a.deadlineText : b.deadlineText) : (a.deadlineText ?? b.deadlineText),
  };
  const tasks = [...d.tasks.slice(0, i), merged, ...d.tasks.slice(i + 2)].map((t, n) => ({ ...t, order: n + 1 }));
  return { tasks, targets: d.targets.map((g) => (g.taskKey === b.key ? { ...g, taskKey: a.key } : g)) };
}

/** Change one task. */
export function updateTask(d: ReviewDraft, key: string, patch: Partial<Omit<Task, 'key'>>): ReviewDraft {
  return { ...d, tasks: d.tasks.map((t) => (t.key === key ? { ...t, ...patch } : t)) };
}

/** Remove a task and its targets. */
export function removeTask(d: ReviewDraft, key: string): ReviewDraft {
  return { tasks: d.tasks.filter((t) => t.key !== key), targets: d.targets.filter((g) => g.taskKey !== key) };
}

/**
 * Add an empty task at the end, for a task the parser did not find (or a document it found none
 * in): key `<prefix>-NN` after the last, number the next, copying the document of the others.
 */
export function addTask(d: ReviewDraft, documentId: string, keyPrefix: string, now: string): ReviewDraft {
  const keys = new Set(d.tasks.map((t) => t.key));
  let n = d.tasks.length + 1;
  while (keys.has(documentTaskKey(keyPrefix, String(n)))) n++;
  const task: Task = {
    key: documentTaskKey(keyPrefix, String(n)),
    documentId,
    number: String(d.tasks.length + 1),
    order: d.tasks.length + 1,
    title: '',
    text: '',
    leadUnits: [],
    responsibleUnits: [],
    origin: 'manual',
    updatedAt: now,
  };
  return { ...d, tasks: [...d.tasks, task] };
}

/** Add an empty target (of a task, or a goal of the document) for the officer to fill in. */
export function addTarget(d: ReviewDraft, documentId: string, taskKey?: string): ReviewDraft {
  const ids = new Set(d.targets.map((t) => t.id));
  let n = d.targets.length + 1;
  while (ids.has(`${documentId}-m${String(n).padStart(3, '0')}`)) n++;
  const target: Target = { id: `${documentId}-m${String(n).padStart(3, '0')}`, documentId, taskKey, name: '', unit: '', comparator: '达到', value: 0, kind: 'manual', sourceText: '' };
  const task = taskKey ? d.tasks.find((t) => t.key === taskKey) : undefined;
  if (task?.deadline) target.year = Number(task.deadline.slice(0, 4));
  return { ...d, targets: [...d.targets, target] };
}

/** Change (rename, revalue) one target. */
export function updateTarget(d: ReviewDraft, id: string, patch: Partial<Omit<Target, 'id' | 'documentId'>>): ReviewDraft {
  return { ...d, targets: d.targets.map((t) => (t.id === id ? { ...t, ...patch } : t)) };
}

/** Remove one target. */
export function removeTarget(d: ReviewDraft, id: string): ReviewDraft {
  return { ...d, targets: d.targets.filter((t) => t.id !== id) };
}

/** Targets the officer must still complete before saving: a name and a value. */
export function incompleteTargets(d: ReviewDraft): Target[] {
  return d.targets.filter((t) => !t.name.trim() || !Number.isFinite(t.value));
}

/** Capital pinyin initials of the Chinese in `text`: 武政办 → WZB. */
function initials(text: string): string {
  const han = text.replace(/[^\u4e00-\u9fff]/gu, '');
  if (!han) return '';
  return pinyin(han, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toUpperCase();
}

/**
 * A task-key prefix for a new document, never one already in use:
 * 武政办〔2023〕4号 → 2023WZB4; without 文号, the year and the initials of the title's
 * subject (2025 + 关于推进人才集聚工程的实施意见 → 2025TJRCJJ). When `taken` already holds
 * it, a letter is added (2025TJRCJJB, …), so two documents of the same year and issuer
 * never collide.
 */
export function proposeKeyPrefix(doc: { docNumber?: string; title?: string; planStartYear?: number; issueDate?: string }, taken: Iterable<string>): string {
  const used = new Set([...taken].map((t) => t.toUpperCase()));
  let base: string;
  const num = doc.docNumber ? /^(.*?)[〔［[](\d{4})[〕］\]](\d+)号/u.exec(doc.docNumber) : null;
  if (num) base = `${num[2]}${initials(num[1]!)}${num[3]}`;
  else {
    const year = doc.planStartYear ?? (Number(doc.issueDate?.slice(0, 4)) || undefined);
    const subject = (doc.title ?? '')
      .replace(/^\d{4}年/u, '')
      .replace(/^(?:[\u4e00-\u9fff]{2,6}?(?:市|省|区|州)(?:人民政府)?(?:办公厅|办公室)?)?(?:关于)?(?:印发)?/u, '')
      .replace(/[（(][^）)]*[）)]/gu, '')
      .replace(/的?(?:实施意见|实施方案|行动方案|行动计划|工作要点|意见|方案|规划|通知|要点|计划|办法|措施)$/u, '')
      .replace(/\d{4}年/u, '');
    base = `${year ?? ''}${initials(subject).slice(0, 6) || 'WJ'}`;
  }
  if (!used.has(base.toUpperCase())) return base;
  for (const c of 'BCDEFGHJKLMNPQRSTUVWXYZ') if (!used.has(`${base}${c}`.toUpperCase())) return `${base}${c}`;
  let i = 2;
  while (used.has(`${base}${i}`.toUpperCase())) i++;
  return `${base}${i}`;
}

/** The prefixes in use: from document ids (doc-<prefix>) and task keys (<prefix>-NN). */
export function prefixesInUse(documentIds: string[], taskKeys: string[]): Set<string> {
  return new Set([...documentIds.map((id) => id.replace(/^doc-/u, '')), ...taskKeys.map((k) => k.replace(/-[^-]*$/u, ''))]);
}
