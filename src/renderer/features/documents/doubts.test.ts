import { describe, expect, it } from 'vitest';
import { parsePolicyText } from '@core/policy/parse';
import { doubts, type Draft } from './ReviewDocument';

// A unit bracket left open, as copies of web pages often leave it: the parser doubts task 1.
const text = '关于印发某区科技创新工作要点的通知\n一、重点任务\n1.建设创新平台。推进平台建设（牵头单位：区科技局；责任单位：区发改局\n2.培育科技企业。全年新增高新技术企业50家（牵头单位：区科技局）\n';
const parsed = parsePolicyText(text, { source: 't', now: '2026-01-01T00:00:00.000Z', origin: 'import', keyPrefix: 'T' });
const draft: Draft = { parsed, fileName: 't', keyPrefixUsed: 'T', meta: { title: '', shortTitle: '', docNumber: '', issueDate: '', keyPrefix: 'T' }, tasks: parsed.tasks, targets: parsed.targets, deadlineErrors: {} };

describe('需核对: what the parser doubted of a task', () => {
  it('is shown until the officer sets the task’s units, then answered', () => {
    const t = parsed.tasks.find((x) => x.key === 'T-01')!;
    const message = parsed.issues.find((i) => i.taskKey === t.key)!.message;
    expect(doubts(t, draft)).toContain(message);
    const fixed = { ...t, responsibleUnits: ['区发改局', '区财政局'] };
    expect(doubts(fixed, { ...draft, tasks: draft.tasks.map((x) => (x.key === t.key ? fixed : x)) })).toEqual([]);
  });
});
