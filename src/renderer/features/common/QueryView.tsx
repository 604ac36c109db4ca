/**
 * The one way a page shows its named queries (storage's useQuery {data, loading, error}) before
 * their data is there: a spinner while they load, a plain-Chinese problem with what to do when
 * one of them fails. The cause goes to the log, never to the screen.
 */
import { useEffect } from 'react';
import { Alert, Result, Spin } from 'antd';
import type { QueryState } from '../../storage';
import { QUERY_TEXT } from './texts';

type AnyQuery = Pick<QueryState<unknown>, 'loading' | 'error'>;

/** The first error among the queries, if any failed. */
export function queryError(queries: readonly AnyQuery[]): unknown {
  return queries.find((q) => q.error !== undefined)?.error;
}

function useLogged(error: unknown, what: string): void {
  useEffect(() => {
    if (error !== undefined) console.error(`query of ${what} failed`, error);
  }, [error, what]);
}

/**
 * In place of a page whose data is not there yet: the problem if a query failed, else a
 * spinner (with `loadingText`). `what` names the page's data in Chinese (任务台账, 指标跟踪…).
 */
export function QueryFallback({ queries, what, loadingText = QUERY_TEXT.loading }: { queries: readonly AnyQuery[]; what: string; loadingText?: string }) {
  const error = queryError(queries);
  useLogged(error, what);
  if (error !== undefined) return <Result status="warning" data-testid="query-error" title={QUERY_TEXT.failed(what)} subTitle={QUERY_TEXT.failedHint} />;
  return (
    <Spin style={{ display: 'block', marginTop: 80 }} description={loadingText} size="large">
      <div />
    </Spin>
  );
}

/** Inside a page that shows while a part of it loads: the problem of a failed query, else nothing. */
export function QueryProblem({ queries, what }: { queries: readonly AnyQuery[]; what: string }) {
  const error = queryError(queries);
  useLogged(error, what);
  if (error === undefined) return null;
  return <Alert type="warning" showIcon data-testid="query-error" style={{ marginBottom: 12 }} title={QUERY_TEXT.failed(what)} description={QUERY_TEXT.failedHint} />;
}
