/**
 * Plan an import: match the rows of the city's list to the tasks already in the ledger
 * (任务编号, then document + number, then text similarity) and diff them field by field.
 * The result is the ImportPlan the preview shows; finalizePlan turns the officer's choices
 * into exactly what will be written. Progress is never part of a plan.
 */
import type { PolicyDocument, Section, Task } from '../model';
import type { TaskFieldId } from '../fields';
import { PLAN_LIMITS } from '../limits';
import { IMPORT_MESSAGES as M } from './messages';
import { bigrams, diceOfBigrams, normalizeNumber, normalizeText, parseDeadline, similarity, splitUnits } from './normalize';
import type {
  AcceptedImport,
  ImportDecisions,
  ImportIssue,
  ImportPlan,
  ImportedRow,
  MatchCandidate,
  MatchHow,
  PlannedAmbiguous,
  PlannedUpdate,
  RowFields,
} from './types';

/** Text similarity at or above which a row is the same task without asking. */
export const TEXT_SURE = 0.8;
/** Below TEXT_SURE but at or above this, the officer chooses. */
export const TEXT_MAYBE = 0.45;
/** A document + number match counts when the texts are at least this similar. */
export const NUMBER_TEXT_MIN = 0.4;
/** A document is covered by the list (its missing tasks become 删除) when this share of its tasks is matched. */
export const SCOPE_SHARE = 0.5;

/** The task-owned fields an import may change, in display order. */
export const IMPORTED_FIELDS: readonly TaskFieldId[] = ['document', 'number', 'title', 'text', 'leadUnits', 'responsibleUnits', 'deadline'];

/** What planImport needs. */
export interface PlanInput {
  fileName: string;
  sheet: string;
  rows: readonly ImportedRow[];
  /** Issues already found while reading the sheet (carried into the plan). */
  issues?: readonly ImportIssue[];
  /** Every task in the ledger, archived ones too. */
  existing: readonly Task[];
  documents: readonly PolicyDocument[];
  sections?: readonly Section[];
  /** Document for new rows that name none (the officer's choice); default: the one most rows match. */
  defaultDocumentId?: string;
  /** ISO time of the plan. */
  now: string;
  /**
   * Whether the list speaks for a task, so that its absence means the city dropped it.
   * A list titled for one district covers only that district's tasks (see listDistrict).
   * Default: every task of the documents the list covers.
   */
  covers?: (task: Task) => boolean;
}

const unitsEqual = (a: readonly string[], b: readonly string[]) => a.map(normalizeText).join('、') === b.map(normalizeText).join('、');

function deadlineEqual(task: Task, v: string): boolean {
  const n = normalizeText(v);
  if (n === normalizeText(task.deadlineText) || n === normalizeText(task.deadline)) return true;
  // A plain date cell equal to the stored date (Excel shows 2025/12/31 for 2025-12-31).
  return /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?$/.test(n) && parseDeadline(v) === task.deadline && !task.deadlineText;
}

/**
 * The task after applying a row's fields, and which fields changed. An empty cell never
 * clears a field (a missing value in the city's list is not an instruction to erase).
 */
export function diffTask(task: Task, fields: RowFields, documentId: string | undefined, now: string): { after: Task; changed: TaskFieldId[] } {
  const after: Task = { ...task, leadUnits: [...task.leadUnits], responsibleUnits: [...task.responsibleUnits] };
  const changed: TaskFieldId[] = [];
  if (documentId && documentId !== task.documentId) {
    after.documentId = documentId;
    changed.push('document');
  }
  if (fields.number && normalizeNumber(fields.number) !== normalizeNumber(task.number)) {
    after.number = fields.number;
    changed.push('number');
  }
  if (fields.title && normalizeText(fields.title) !== normalizeText(task.title)) {
    after.title = fields.title;
    changed.push('title');
  }
  if (fields.text && normalizeText(fields.text) !== normalizeText(task.text)) {
    after.text = fields.text;
    changed.push('text');
  }
  if (fields.leadUnits && !unitsEqual(splitUnits(fields.leadUnits), task.leadUnits)) {
    after.leadUnits = splitUnits(fields.leadUnits);
    changed.push('leadUnits');
  }
  if (fields.responsibleUnits && !unitsEqual(splitUnits(fields.responsibleUnits), task.responsibleUnits)) {
    after.responsibleUnits = splitUnits(fields.responsibleUnits);
    changed.push('responsibleUnits');
  }
  if (fields.deadline && !deadlineEqual(task, fields.deadline)) {
    after.deadlineText = fields.deadline;
    const d = parseDeadline(fields.deadline);
    if (d) after.deadline = d;
    else delete after.deadline;
    changed.push('deadline');
  }
  if (changed.length > 0 || task.archived) after.updatedAt = now;
  if (task.archived) delete after.archived;
  return { after, changed };
}

/** Resolves a 文件 cell to a document id: short title, full title, 文号 or id. */
function documentResolver(documents: readonly PolicyDocument[]) {
  const byName = new Map<string, string>();
  for (const d of documents)
    for (const name of [d.id, d.shortTitle, d.title, d.docNumber]) if (name) byName.set(normalizeText(name), d.id);
  return (name: string | undefined) => (name ? byName.get(normalizeText(name)) : undefined);
}

/** Text used for similarity. */
const rowText = (f: RowFields) => `${f.title ?? ''}${f.text ?? ''}`;
const taskText = (t: Task) => `${t.title}${t.text}`;

/** Similarity of a row to a task: whole texts, or title against title / text when the row has no text. */
function rowSimilarity(f: RowFields, t: Task, rowBag: Map<string, number>, taskBag: Map<string, number>): number {
  const whole = diceOfBigrams(rowBag, taskBag);
  if (f.text) return whole;
  return Math.max(whole, similarity(f.title ?? '', t.title), similarity(f.title ?? '', t.text));
}

/** How many of a row's rarest bigrams choose its shortlist of candidate tasks. */
const RARE_BIGRAMS = 32;

/** A bigram index of the tasks, for a quick shortlist per row. */
function buildIndex(tasks: readonly Task[]) {
  const bags = tasks.map((t) => bigrams(taskText(t)));
  const postings = new Map<string, number[]>();
  bags.forEach((bag, i) => {
    for (const g of bag.keys()) {
      let p = postings.get(g);
      if (!p) postings.set(g, (p = []));
      p.push(i);
    }
  });
  // Shared bigram-hit counters, reset after each shortlist (a Map per row made a 10,000-row import take minutes).
  const hits = new Uint32Array(tasks.length);
  const touched: number[] = [];
  return {
    bags,
    /** The `size` allowed tasks sharing most bigrams with `bag`, ties in first-hit order. */
    shortlist(bag: Map<string, number>, allowed: (t: Task) => boolean, size = 8): number[] {
      touched.length = 0;
      // Only the row's rarest bigrams pick the shortlist: a bigram in many tasks (科技, 创新 …) says
      // little and, counted for every row, made a 10,000-row import take minutes.
      const lists: number[][] = [];
      for (const g of bag.keys()) {
        const p = postings.get(g);
        if (p) lists.push(p);
      }
      if (lists.length > RARE_BIGRAMS) lists.sort((a, b) => a.length - b.length).length = RARE_BIGRAMS;
      for (const p of lists) for (const i of p) if (hits[i]!++ === 0) touched.push(i);
      const top: number[] = [];
      for (const i of touched) {
        const n = hits[i]!;
        if (top.length === size && hits[top[size - 1]!]! >= n) continue;
        if (!allowed(tasks[i]!)) continue;
        let k = top.length;
        while (k > 0 && hits[top[k - 1]!]! < n) k--;
        top.splice(k, 0, i);
        if (top.length > size) top.pop();
      }
      for (const i of touched) hits[i] = 0;
      return top;
    },
  };
}

interface RowMatch {
  row: ImportedRow;
  documentId?: string;
  definite?: MatchCandidate;
  candidates: MatchCandidate[];
}

/** Build the import plan for the rows of one sheet. */
export function planImport(input: PlanInput): ImportPlan {
  const { rows, existing, documents, now, sheet } = input;
  const issues: ImportIssue[] = [...(input.issues ?? [])];
  const resolveDocument = documentResolver(documents);
  const newDocuments = new Map<string, PolicyDocument>();
  const explicitDocs = new Set<string>();
  const byKey = new Map(existing.map((t) => [t.key, t]));
  const byDocNumber = new Map<string, Task>();
  for (const t of existing) if (t.number) byDocNumber.set(`${t.documentId}|${normalizeNumber(t.number)}`, t);
  const index = buildIndex(existing);
  const position = new Map(existing.map((t, i) => [t.key, i]));

  // 1. Resolve documents and find each row's candidates.
  const matches: RowMatch[] = rows.map((row) => {
    const f = row.fields;
    let documentId = resolveDocument(f.document);
    if (f.document && !documentId) {
      const name = f.document.trim();
      let doc = newDocuments.get(normalizeText(name));
      if (!doc) {
        doc = newDocument(name, input.fileName, now, documents.length + newDocuments.size + 1);
        newDocuments.set(normalizeText(name), doc);
        issues.push({ sheet, row: row.row, message: M.unknownDocument(sheet, row.row, name), severity: 'warning' });
      }
      documentId = doc.id;
    }
    if (documentId) explicitDocs.add(documentId);
    const m: RowMatch = { row, documentId, candidates: [] };
    const keyed = f.key ? byKey.get(f.key.trim()) : undefined;
    if (keyed) {
      m.definite = { task: keyed, confidence: 1, how: 'key' };
      return m;
    }
    const bag = bigrams(rowText(f));
    const scored = index
      .shortlist(bag, (t) => !documentId || t.documentId === documentId)
      .map((i) => ({ task: existing[i]!, confidence: rowSimilarity(f, existing[i]!, bag, index.bags[i]!), how: 'text' as MatchHow }))
      .sort((a, b) => b.confidence - a.confidence);
    const numbered = documentId && f.number ? byDocNumber.get(`${documentId}|${normalizeNumber(f.number)}`) : undefined;
    if (numbered) {
      const sim = rowSimilarity(f, numbered, bag, index.bags[position.get(numbered.key)!]!);
      if (sim >= NUMBER_TEXT_MIN && (scored[0]?.task === numbered || (scored[0]?.confidence ?? 0) < TEXT_SURE)) {
        m.definite = { task: numbered, confidence: Math.max(0.9, sim), how: 'number' };
        return m;
      }
    }
    const [best, second] = scored;
    if (best && best.confidence >= TEXT_SURE && (!second || best.confidence - second.confidence >= 0.08)) m.definite = best;
    else m.candidates = scored.filter((c) => c.confidence >= TEXT_MAYBE * 0.8).slice(0, 4);
    if (m.candidates.length > 0 && m.candidates[0]!.confidence < TEXT_MAYBE) m.candidates = [];
    return m;
  });

  // 1b. Rows that name no document: their number within the list's main document.
  const docVotes = new Map<string, number>();
  for (const m of matches) if (m.definite) docVotes.set(m.definite.task.documentId, (docVotes.get(m.definite.task.documentId) ?? 0) + 1);
  const mainDoc = input.defaultDocumentId ?? [...docVotes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (mainDoc)
    for (const m of matches) {
      if (m.definite || m.documentId || !m.row.fields.number) continue;
      const numbered = byDocNumber.get(`${mainDoc}|${normalizeNumber(m.row.fields.number)}`);
      if (!numbered) continue;
      const sim = rowSimilarity(m.row.fields, numbered, bigrams(rowText(m.row.fields)), index.bags[position.get(numbered.key)!]!);
      const best = m.candidates[0];
      if (sim >= NUMBER_TEXT_MIN && (!best || best.task === numbered || best.confidence < sim + 0.1)) {
        m.definite = { task: numbered, confidence: Math.max(0.9, sim), how: 'number' };
        m.candidates = [];
      }
    }

  // 2. One task per row: when two rows claim the same task, the surer one keeps it.
  const claimed = new Map<string, RowMatch>();
  for (const m of [...matches].filter((x) => x.definite).sort((a, b) => b.definite!.confidence - a.definite!.confidence)) {
    const key = m.definite!.task.key;
    if (!claimed.has(key)) claimed.set(key, m);
    else {
      m.candidates = [m.definite!];
      delete m.definite;
    }
  }

  // 2b. A list asking for more confirmations than anyone would make one by one is refused here,
  // before the plan is built and shown (a 99,000-row list once asked for 98,980).
  const toConfirm = matches.filter((m) => !m.definite && m.candidates.length > 0).length;
  if (toConfirm > PLAN_LIMITS.maxConfirmations)
    return {
      fileName: input.fileName,
      sheet,
      added: [],
      updated: [],
      removed: [],
      unchanged: [],
      ambiguous: [],
      issues: [{ sheet, message: M.tooManyConfirmations(sheet, toConfirm, PLAN_LIMITS.maxConfirmations), severity: 'error' }],
      scopeDocumentIds: [],
      newDocuments: [],
      at: now,
    };

  // 3. Which documents the list covers, and where new rows go.
  const matchedPerDoc = new Map<string, number>();
  for (const m of claimed.values()) matchedPerDoc.set(m.definite!.task.documentId, (matchedPerDoc.get(m.definite!.task.documentId) ?? 0) + 1);
  const activePerDoc = new Map<string, number>();
  for (const t of existing) if (!t.archived) activePerDoc.set(t.documentId, (activePerDoc.get(t.documentId) ?? 0) + 1);
  const scope = new Set(explicitDocs);
  for (const [doc, n] of matchedPerDoc) if (n >= SCOPE_SHARE * (activePerDoc.get(doc) ?? 0)) scope.add(doc);
  const dominant = [...matchedPerDoc.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  let fallbackDoc = input.defaultDocumentId ?? dominant;
  if (!fallbackDoc && matches.some((m) => !m.definite && !m.documentId)) {
    const name = input.fileName.replace(/\.[^.]+$/, '');
    const doc = newDocument(name, input.fileName, now, documents.length + newDocuments.size + 1);
    newDocuments.set(normalizeText(name), doc);
    fallbackDoc = doc.id;
  }

  // 4. New tasks: keys, order, section.
  const usedKeys = new Set(existing.map((t) => t.key));
  const nextOrder = new Map<string, number>();
  for (const t of existing) nextOrder.set(t.documentId, Math.max(nextOrder.get(t.documentId) ?? 0, t.order + 1));
  const keyPrefix = `IMP${now.slice(0, 10).replace(/-/g, '')}-`;
  let keySeq = 0;
  const sectionsOf = (docId: string) => (input.sections ?? []).filter((s) => s.documentId === docId);
  const makeNew = (m: RowMatch): Task => {
    const f = m.row.fields;
    const documentId = m.documentId ?? fallbackDoc!;
    let key = f.key?.trim();
    if (!key || usedKeys.has(key)) {
      do key = `${keyPrefix}${String(++keySeq).padStart(3, '0')}`;
      while (usedKeys.has(key));
    }
    usedKeys.add(key);
    const order = nextOrder.get(documentId) ?? 1;
    nextOrder.set(documentId, order + 1);
    const heading = f.section ?? m.row.sectionHeading;
    const section = heading ? sectionsOf(documentId).find((s) => normalizeText(heading).includes(normalizeText(s.title))) : undefined;
    const task: Task = {
      key,
      documentId,
      number: f.number ?? '',
      order,
      title: f.title ?? '',
      text: f.text ?? f.title ?? '',
      leadUnits: splitUnits(f.leadUnits),
      responsibleUnits: splitUnits(f.responsibleUnits),
      origin: 'import',
      updatedAt: now,
    };
    if (section) task.sectionId = section.id;
    if (f.deadline) {
      task.deadlineText = f.deadline;
      const d = parseDeadline(f.deadline);
      if (d) task.deadline = d;
    }
    return task;
  };

  // 5. The plan.
  const plan: ImportPlan = {
    fileName: input.fileName,
    sheet,
    added: [],
    updated: [],
    removed: [],
    unchanged: [],
    ambiguous: [],
    issues,
    scopeDocumentIds: [...scope].filter((d) => !newDocuments.has(d)),
    newDocuments: [...newDocuments.values()],
    at: now,
  };
  for (const m of matches) {
    const id = `row-${m.row.row}`;
    if (m.definite) {
      const { task, how, confidence } = m.definite;
      const { after, changed } = diffTask(task, m.row.fields, m.documentId, now);
      if (changed.length > 0 || task.archived)
        plan.updated.push({ id, row: m.row.row, before: task, after, changedFields: changed, restored: !!task.archived, how, confidence });
      else plan.unchanged.push({ id, row: m.row.row, task, how, confidence });
    } else if (m.candidates.length > 0) {
      const entry: PlannedAmbiguous = { id, row: m.row.row, fields: m.row.fields, asNew: makeNew(m), candidates: m.candidates };
      if (m.documentId) entry.documentId = m.documentId;
      plan.ambiguous.push(entry);
    } else plan.added.push({ id, row: m.row.row, task: makeNew(m) });
  }
  for (const t of existing)
    if (!t.archived && scope.has(t.documentId) && !claimed.has(t.key) && (input.covers?.(t) ?? true))
      plan.removed.push({ id: `task-${t.key}`, before: t, after: { ...t, archived: true, updatedAt: now } });
  return plan;
}

function newDocument(name: string, fileName: string, now: string, n: number): PolicyDocument {
  return {
    id: `doc-imp-${now.slice(0, 19).replace(/\D/g, '')}-${n}`,
    title: name,
    shortTitle: name.length > 16 ? `${name.slice(0, 15)}…` : name,
    kind: 'other',
    source: fileName,
    addedAt: now,
  };
}

/** The plan's counts, for headings and the result message. */
export function planCounts(plan: ImportPlan) {
  return {
    added: plan.added.length,
    updated: plan.updated.length,
    removed: plan.removed.length,
    unchanged: plan.unchanged.length,
    ambiguous: plan.ambiguous.length,
    errors: plan.issues.filter((i) => i.severity === 'error').length,
  };
}

/**
 * Exactly what to write, given the officer's choices: skipped entries are left out,
 * ambiguous rows follow their choice, and a task chosen for an ambiguous row is not archived.
 * Returns blocking issues when the plan has errors or a choice is still open.
 */
export function finalizePlan(plan: ImportPlan, decisions: ImportDecisions): { accepted?: AcceptedImport; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  if (plan.issues.some((i) => i.severity === 'error')) return { issues: plan.issues.filter((i) => i.severity === 'error') };
  const open = plan.ambiguous.filter((a) => !decisions.choices[a.id]);
  if (open.length > 0) return { issues: [{ sheet: plan.sheet, message: M.ambiguousChoiceMissing(open.length), severity: 'error' }] };
  const on = (id: string) => !decisions.skipped.has(id);
  const tasks: Task[] = [];
  const accepted: AcceptedImport = { fileName: plan.fileName, tasks, addedKeys: [], updatedKeys: [], archivedKeys: [], documents: [] };
  const taken = new Set<string>([...plan.updated.map((u) => u.before.key), ...plan.unchanged.map((u) => u.task.key)]);
  const updates: PlannedUpdate[] = plan.updated.filter((u) => on(u.id));
  for (const a of plan.added) if (on(a.id)) {
    tasks.push(a.task);
    accepted.addedKeys.push(a.task.key);
  }
  for (const u of updates) {
    tasks.push(u.after);
    accepted.updatedKeys.push(u.after.key);
  }
  for (const a of plan.ambiguous) {
    const choice = decisions.choices[a.id]!;
    if (choice === 'skip') continue;
    if (choice === 'new') {
      tasks.push(a.asNew);
      accepted.addedKeys.push(a.asNew.key);
      continue;
    }
    const c = a.candidates.find((x) => x.task.key === choice);
    if (!c || taken.has(choice)) {
      issues.push({ sheet: plan.sheet, row: a.row, message: M.choiceTaken(a.row, choice), severity: 'warning' });
      continue;
    }
    taken.add(choice);
    const { after, changed } = diffTask(c.task, a.fields, a.documentId, plan.at);
    if (changed.length > 0 || c.task.archived) {
      tasks.push(after);
      accepted.updatedKeys.push(after.key);
    }
  }
  for (const r of plan.removed)
    if (on(r.id) && !taken.has(r.before.key)) {
      tasks.push(r.after);
      accepted.archivedKeys.push(r.after.key);
    }
  const usedDocs = new Set(tasks.map((t) => t.documentId));
  accepted.documents = plan.newDocuments.filter((d) => usedDocs.has(d.id));
  return { accepted, issues };
}
