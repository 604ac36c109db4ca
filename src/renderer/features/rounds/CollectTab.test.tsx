/**
 * The 回收 preview as the officer reads it (rendered to HTML): units that disagree on status or
 * percent are marked with one button per unit's answer, and words that say nothing are named
 * as left out.
 */
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { chooseAnswer, chooseIndicator, planMerges, type FilePlan, type ReturnedRow, type Round } from '@core/rounds';
import { CollectPreview, CollectTab } from './CollectTab';
import { BoardTab } from './BoardTab';

const round: Round = {
  id: 'R2026Q4-a',
  district: '江夏区',
  periodId: '2026-Q4',
  dueDate: '2027-01-08',
  createdAt: '2026-12-01T00:00:00.000Z',
  prefilled: false,
  units: [
    { unit: '区科技局', taskKeys: ['2023GZYD-08', '2025YFZX-04'], leadKeys: ['2023GZYD-08', '2025YFZX-04'], fileName: 'a.xlsx', checksum: 'a' },
    { unit: '区经信局', taskKeys: ['2023GZYD-08'], leadKeys: [], fileName: 'b.xlsx', checksum: 'b' },
    { unit: '区发改局', taskKeys: ['2023GZYD-08'], leadKeys: [], fileName: 'c.xlsx', checksum: 'c' },
  ],
};
const row = (taskKey: string, r: Partial<ReturnedRow>): ReturnedRow => ({ taskKey, row: 4, progress: '', problems: '', nextSteps: '', empty: false, ...r });
const plan = (unit: string, rows: ReturnedRow[]): FilePlan => ({ fileName: `${unit}.xlsx`, hash: unit, unit, matchedBy: 'binding', refused: false, rows, refusedRows: [], issues: [] });

// As the walk5 probe's returns: two 协办 units answer differently on 2023GZYD-08; the lead writes 无 under the office's 存在问题.
const files = [
  plan('区发改局', [row('2023GZYD-08', { status: 'ongoing', progress: '持续跟踪人工智能项目落地。' })]),
  plan('区经信局', [row('2023GZYD-08', { status: 'on_track', percent: 65, progress: '第4项进展良好。' })]),
  plan('区科技局', [row('2025YFZX-04', { status: 'behind', percent: 20, problems: '无' })]),
];
const ledger = new Map([['2025YFZX-04', { progress: '', problems: '用地指标未落实，项目前期手续办理滞后。', nextSteps: '' }]]);
const render = (merges = planMerges(files, round, ledger)) =>
  renderToStaticMarkup(<CollectPreview files={files} merges={merges} tasks={new Map()} setAction={() => {}} setAnswer={() => {}} onApply={() => {}} onCancel={() => {}} busy={false} locked={undefined} />);
/** The text of the checked button of a radio group. */
const checked = (html: string, testId: string) => /ant-radio-button-wrapper-checked[^>]*>(?:<[^>]*>)*([^<]*)/u.exec(html.slice(html.indexOf(`data-testid="${testId}"`)))?.[1];

describe('CollectPreview', () => {
  it('marks both fields of a task whose units disagree and offers each unit’s answer; with an empty ledger the first unit’s is taken and said', () => {
    const html = render();
    expect(html).toContain('data-testid="disagree-2023GZYD-08-status"');
    expect(html).toContain('data-testid="disagree-2023GZYD-08-percent"');
    for (const label of ['区发改局：长期坚持', '区经信局：序时推进', '区经信局：65%']) expect(html).toContain(label);
    expect(checked(html, 'action-2023GZYD-08-status')).toBe('区发改局：长期坚持');
    expect(html).toMatch(/将写入：长期坚持（牵头单位没有填写，默认采用区发改局的答复，可改选）/u);
  });

  it('a percent set by 已完成 and a status that contradicts its percent are said', () => {
    const done = [plan('区科技局', [row('2025YFZX-04', { status: 'done' })])];
    const clash = [plan('区科技局', [row('2025YFZX-04', { status: 'done', percent: 80 })])];
    const was = new Map([['2025YFZX-04', { status: 'not_started' as const, percent: 0, progress: '', problems: '', nextSteps: '' }]]);
    const show = (f: FilePlan[]) => renderToStaticMarkup(<CollectPreview files={f} merges={planMerges(f, round, was)} tasks={new Map()} setAction={() => {}} setAnswer={() => {}} onApply={() => {}} onCancel={() => {}} busy={false} locked={undefined} />);
    expect(show(done)).toMatch(/本期状态为“已完成”，按 100% 写入/u);
    expect(show(clash)).toMatch(/本期状态“已完成”与完成进度 80% 不一致/u);
  });

  it('shows the chosen unit’s answer as chosen, its percent with it', () => {
    const merges = planMerges(files, round, ledger).map((m) => (m.taskKey === '2023GZYD-08' ? chooseAnswer(m, 'status', { unit: '区经信局' }) : m));
    const html = render(merges);
    expect(checked(html, 'action-2023GZYD-08-status')).toBe('区经信局：序时推进');
    expect(checked(html, 'action-2023GZYD-08-percent')).toBe('区经信局：65%');
  });

  it('names the unit whose 无 was not added under the office’s words', () => {
    const html = render();
    expect(html).toContain('data-testid="left-out-2025YFZX-04-problems"');
    expect(html).toMatch(/未写入：区科技局填的“无”/u);
    expect(html).not.toContain('data-testid="disagree-2025YFZX-04-status"');
  });
});

describe('CollectPreview: values from 指标填报', () => {
  const valueOf = (unit: string, taskKey: string, value: number): FilePlan => ({ ...plan(unit, []), indicators: [{ taskKey, targetId: 't-1', name: '产业创新联合实验室', unit: '家', row: 4, value }] });
  const drop = [valueOf('区科技局', '2023GZYD-08', 12), valueOf('区经信局', '2023GZYD-08', 15)];
  const show = (merges: ReturnType<typeof planMerges>) =>
    renderToStaticMarkup(<CollectPreview files={drop} merges={merges} tasks={new Map()} setAction={() => {}} setAnswer={() => {}} setValue={() => {}} onApply={() => {}} onCancel={() => {}} busy={false} locked={undefined} />);

  it('a task answered only with values: its card shows them; units that differ get one button per value, the lead’s chosen', () => {
    const html = show(planMerges(drop, round, new Map()));
    expect(html).toContain('data-testid="merge-values-2023GZYD-08"');
    expect(html).toContain('单位间不一致');
    expect(checked(html, 'value-action-2023GZYD-08-t-1')).toBe('区科技局：12家');
    expect(html).toContain('区经信局：15家');
    expect(html).toMatch(/指标实际值 1 个/u);
  });

  it('the officer’s choice is shown as chosen; a value the office changed after a 回收 is kept and marked 本办改过', () => {
    const merges = planMerges(drop, round, new Map());
    expect(checked(show(merges.map((m) => chooseIndicator(m, 't-1', { unit: '区经信局' }))), 'value-action-2023GZYD-08-t-1')).toBe('区经信局：15家');
    const edited = planMerges([drop[0]!], round, new Map([['2023GZYD-08', { progress: '', problems: '', nextSteps: '', indicatorValues: { 't-1': 9 } }]]), { officeEditedValues: new Map([['2023GZYD-08', new Set(['t-1'])]]) });
    const html = renderToStaticMarkup(<CollectPreview files={[drop[0]!]} merges={edited} tasks={new Map()} setAction={() => {}} setAnswer={() => {}} setValue={() => {}} onApply={() => {}} onCancel={() => {}} busy={false} locked={undefined} />);
    expect(html).toContain('data-testid="value-office-edited-2023GZYD-08-t-1"');
    expect(checked(html, 'value-action-2023GZYD-08-t-1')).toBe('保留现有');
  });
});

describe('before any round', () => {
  it('the city’s office is told it has sent nothing to the districts, a district that it has sent nothing to its units (walk9 Z7)', () => {
    for (const [city, said] of [[true, '还没有向各区下发过任务清单'], [false, '本区还没有下发过任务']] as const) {
      expect(renderToStaticMarkup(<CollectTab rounds={[]} tasks={new Map()} onApplied={() => {}} city={city} />)).toContain(said);
      expect(renderToStaticMarkup(<BoardTab rounds={[]} tasks={new Map()} city={city} />)).toContain(said);
    }
  });
});
