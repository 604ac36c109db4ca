import { describe, expect, it } from 'vitest';
import type { PolicyDocument, Task } from '../model';
import { findTable, readRows } from './find-table';
import { planImport } from './plan-import';
import { cellRevisionMark, isMarkColumn, keepsOldValue, nameRevisionMark, revisedValue, sectionRevisionMark } from './revision-marks';

describe('cellRevisionMark', () => {
  const cases: [string, ReturnType<typeof cellRevisionMark>][] = [
    ['删除', 'dropped'],
    ['已删除', 'dropped'],
    ['已取消', 'dropped'],
    ['取消（已完成）', 'dropped'],
    ['建议删除', 'dropped'],
    ['不再列入', 'dropped'],
    ['停止执行', 'dropped'],
    ['并入第5项', 'dropped'],
    ['合并至“建设概念验证中心”', 'dropped'],
    ['新增', 'new'],
    ['新增任务', 'new'],
    ['增补', 'new'],
    ['新增：2025年起', 'new'],
    ['调整', 'changed'],
    ['修改完成时限', undefined],
    ['调整：完成时限改为2026年底', 'changed'],
    ['', undefined],
    ['取消限制条件后推进', undefined],
    ['新增长点培育', undefined],
    ['删除线为原内容', undefined],
    ['市科技局牵头', undefined],
    ['（删除）', 'dropped'],
    ['【新增】', 'new'],
    ['已完成，不再列入', 'dropped'],
    ['已完成，删除', 'dropped'],
    ['已完成', undefined],
    ['保留', undefined],
    ['按期推进，总体顺利，新增2家', undefined],
    ['本项删除', 'dropped'],
    ['此项任务取消', 'dropped'],
    ['该任务已删除（已完成）', 'dropped'],
    ['本项为新增', 'new'],
    ['本项目标不变', undefined],
    ['此项工作取消限制后推进', undefined],
    ['本项并入第6项', 'dropped'],
    // 与第N项合并 says no direction (both rows are often marked so): no mark; the cells say the change.
    ['与第5项合并', undefined],
    ['该项与第七项合并', undefined],
    ['取消该项任务', 'dropped'],
    ['不再作为重点任务', 'dropped'],
    ['与第5项合并，牵头单位不变', undefined],
    ['与第5项合并推进', undefined],
    ['与市发改委合并推进', undefined],
  ];
  for (const [cell, mark] of cases) it(`“${cell}” → ${mark ?? 'none'}`, () => expect(cellRevisionMark(cell)).toBe(mark));
});

describe('isMarkColumn', () => {
  const cases: [string[], boolean][] = [
    [['保留', '删除', '', '保留', '新增'], true],
    [['', '删除', '（删除）', ''], true],
    [['保留', '保留', '删除'], false],
    [['删除', '新增', '已完成年度目标'], false],
    [['市科技局', '市发改委'], false],
    [['', ''], false],
  ];
  for (const [cells, is] of cases) it(`${cells.join('|')} → ${is}`, () => expect(isMarkColumn(cells)).toBe(is));
});

describe('nameRevisionMark', () => {
  it('a mark after the name, taken from the name and from the text that repeats it', () => {
    expect(nameRevisionMark('建设青年科技人才驿站（新增）', '建设青年科技人才驿站（新增）。在各区建设驿站。')).toEqual({
      mark: 'new',
      title: '建设青年科技人才驿站',
      text: '建设青年科技人才驿站。在各区建设驿站。',
      written: '（新增）',
    });
  });
  it('a mark before the name, in 【】', () => expect(nameRevisionMark('【删除】推进产教人才流动')).toEqual({ mark: 'dropped', title: '推进产教人才流动', written: '【删除】' }));
  it('(已取消) half-width', () => expect(nameRevisionMark('推进特色学科建设(已取消)')?.mark).toBe('dropped'));
  it('no mark, a bracket that is part of the name, or a mark alone', () => {
    expect(nameRevisionMark('建设人才驿站')).toBeUndefined();
    expect(nameRevisionMark('建设人才驿站（试点）')).toBeUndefined();
    expect(nameRevisionMark('（新增）')).toBeUndefined();
  });
});

describe('a list’s revision marks, read and planned', () => {
  const NOW = '2026-11-27T09:00:00.000Z';
  const task = (n: number, title: string): Task => ({ key: `K-${n}`, documentId: 'd', number: String(n), order: n, title, text: `${title}。具体措施${n}。`, leadUnits: ['市科技局'], responsibleUnits: [], origin: 'seed', updatedAt: NOW });
  const existing = [task(1, '建设概念验证中心'), task(2, '引进高端创新团队'), task(3, '深化科技金融改革'), task(4, '推进成果转化中心')];
  const docs: PolicyDocument[] = [{ id: 'd', title: '要点', shortTitle: '要点', kind: 'work-points', source: 's', addedAt: NOW }];
  const plan = (rows: string[][], header = ['序号', '重点任务', '牵头单位', '调整情况']) => {
    const g = { name: '清单', rows: [header, ...rows] };
    const { layout } = findTable(g);
    const read = readRows(g, layout!);
    return planImport({ fileName: 'f.xlsx', sheet: '清单', rows: read.rows, issues: read.issues, existing, documents: docs, now: NOW, covers: () => false });
  };

  it('a 调整情况 column marks 删除 and 并入: archived even where the list covers nothing else; 调整 changes nothing', () => {
    const p = plan([
      ['1', '建设概念验证中心', '市科技局', '删除'],
      ['2', '引进高端创新团队', '市科技局', '并入第3项'],
      ['3', '深化科技金融改革', '市科技局', '调整'],
      ['4', '推进成果转化中心', '市科技局', ''],
    ]);
    expect(p.removed.map((r) => [r.before.key, r.row, r.mark, r.after.archived])).toEqual([
      ['K-1', 2, '删除', true],
      ['K-2', 3, '并入第3项', true],
    ]);
    expect(p.unchanged.map((u) => u.task.key)).toEqual(['K-3', 'K-4']);
    expect(p.issues).toEqual([]);
  });

  it('a row marked 删除 that matches no task adds nothing and says so, naming the cell', () => {
    const p = plan([['5', '建设未来产业先导区', '市发改委', '已删除']]);
    expect(p.added).toEqual([]);
    expect(p.removed).toEqual([]);
    expect(p.issues.map((i) => [i.row, i.column, i.message])).toEqual([
      [2, 'D列（调整情况）', '工作表“清单”第 2 行 D列（调整情况）写着“已删除”，但台账中没有确定与“建设未来产业先导区”对应的任务，这一行没有导入，也没有归档任何任务。如台账中确有这项任务，请在“任务台账”中找到它手动归档。'],
    ]);
  });

  it('a name marked （删除） archives its task; （新增） names the new task without the mark', () => {
    const p = plan([['1', '建设概念验证中心（删除）', '市科技局'], ['5', '建设未来产业先导区（新增）', '市发改委']], ['序号', '重点任务', '牵头单位']);
    expect(p.removed.map((r) => [r.before.key, r.mark])).toEqual([['K-1', '（删除）']]);
    expect(p.added.map((a) => a.task.title)).toEqual(['建设未来产业先导区']);
  });
});

describe('sectionRevisionMark: a list of changes under headings', () => {
  it.each<[string, ReturnType<typeof sectionRevisionMark>]>([
    ['三、删除任务', 'dropped'],
    ['（三）取消的任务', 'dropped'],
    ['不再列入的事项（2项）', 'dropped'],
    ['二、新增任务', 'new'],
    ['2.新增任务（共3项）', 'new'],
    ['一、调整任务', 'changed'],
    ['一、调整优化产业结构', undefined],
    ['二、新增长点培育', undefined],
    ['（一）实施产教融合发展行动', undefined],
    ['', undefined],
  ])('%s → %s', (heading, mark) => expect(sectionRevisionMark(heading)).toBe(mark));
});

describe('revisedValue: the old value and the new one in one cell', () => {
  it.each<[string, boolean, string | undefined]>([
    ['到2027年调整为2026年底前', true, '2026年底前'],
    ['市科技局，调整为：市发改委', true, '市发改委'],
    ['完善高水平实验室体系（调整为：完善高水平实验室体系建设）', false, '完善高水平实验室体系建设'],
    ['2026年6月底前（原为：到2027年）', true, '2026年6月底前'],
    ['建设人才驿站（原：建设人才公寓）', false, '建设人才驿站'],
    ['推动产业结构调整为主的改革', false, undefined],
    ['推进评价体系建设（原则上每年评估一次）', false, undefined],
    ['市科技创新局', true, undefined],
  ])('%s (a value: %s) → %s', (cell, inline, value) => expect(revisedValue(cell, inline)).toBe(value));

  it('keepsOldValue: 不变 / 未调整 / 同左 keep the value beside; words of a task do not', () => {
    expect(['不变', '未调整', '同左', '保持不变。', ' 无变化 '].every(keepsOldValue)).toBe(true);
    expect(['删除', '变为市发改委', '保留', ''].some(keepsOldValue)).toBe(false);
  });
});
