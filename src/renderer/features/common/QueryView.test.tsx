import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { QueryFallback, QueryProblem, queryError } from './QueryView';
import { QUERY_TEXT } from './texts';

const loading = { loading: true, error: undefined };
const answered = { loading: false, error: undefined };
const failed = { loading: false, error: new Error('DatabaseClosedError: Database has been closed') };

describe('QueryView: one way to show a page’s queries before their data is there', () => {
  it.each([
    ['all answered', [answered, answered], undefined],
    ['one loading', [answered, loading], undefined],
    ['one failed', [loading, failed], failed.error],
  ] as const)('%s → error %s', (_what, queries, error) => {
    expect(queryError(queries)).toBe(error);
  });

  it('a failed query shows the problem in Chinese with what to do, never the library’s English', () => {
    const html = renderToStaticMarkup(<QueryFallback queries={[answered, failed]} what={QUERY_TEXT.pages.ledger} />);
    expect(html).toContain('任务台账的数据没有读出来');
    expect(html).toContain('备份与恢复');
    expect(html).not.toContain('DatabaseClosedError');
  });

  it('while loading, a spinner with its text', () => {
    const html = renderToStaticMarkup(<QueryFallback queries={[loading]} what={QUERY_TEXT.pages.ledger} loadingText="正在汇总本区数据……" />);
    expect(html).toContain('ant-spin');
    expect(html).toContain('正在汇总本区数据……');
    expect(html).not.toContain('没有读出来');
  });

  it('inside a page: nothing while loading or answered, the problem when failed', () => {
    expect(renderToStaticMarkup(<QueryProblem queries={[loading, answered]} what={QUERY_TEXT.pages.reports} />)).toBe('');
    expect(renderToStaticMarkup(<QueryProblem queries={[failed]} what={QUERY_TEXT.pages.reports} />)).toContain('报表导出的数据没有读出来');
  });
});
