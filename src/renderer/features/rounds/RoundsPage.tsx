/**
 * 下发与回收: 承办分工 → 下发 (one workbook per unit) → 回收 (drop the returned files, check,
 * merge into the ledger) → 回收进度 (who returned, who to chase, where each paragraph came from).
 */
import { useEffect, useMemo, useState } from 'react';
import { Spin, Tabs, Typography } from 'antd';
import { useAppContext } from '../common/app-context';
import { useRoundData } from './use-round-data';
import { AssignTab } from './AssignTab';
import { SendTab } from './SendTab';
import { CollectTab } from './CollectTab';
import { BoardTab } from './BoardTab';
import { SummaryTab } from './SummaryTab';
import { ROUNDS_TEXT } from './texts';
import { QueryFallback } from '../common/QueryView';
import { QUERY_TEXT } from '../common/texts';

type TabId = 'assign' | 'send' | 'collect' | 'board' | 'summary';

/** The page. */
export function RoundsPage() {
  const district = useAppContext().district;
  if (!district) return <Spin />;
  return <RoundsBody district={district} />;
}

function RoundsBody({ district }: { district: string }) {
  const { data, queries } = useRoundData(district);
  // The shell's drop-to-import is off on this page: a file dropped beside the 回收 zone does nothing (the browser would open it).
  useEffect(() => {
    const stop = (e: DragEvent) => e.preventDefault();
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);
  const [tab, setTab] = useState<TabId>('assign');
  const tasks = useMemo(() => new Map((data?.rows ?? []).map((r) => [r.task.key, r.task])), [data?.rows]);
  if (!data) return <QueryFallback queries={queries} what={QUERY_TEXT.pages.rounds} />;
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 4 }}>
        {ROUNDS_TEXT.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        {data.city ? ROUNDS_TEXT.cityIntro : ROUNDS_TEXT.intro}
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as TabId)}
        items={[
          { key: 'assign', label: data.city ? ROUNDS_TEXT.cityTabs.assign : ROUNDS_TEXT.tabs.assign, children: <AssignTab district={district} rows={data.rows} units={data.units} mapping={data.mapping} city={data.city} /> },
          { key: 'send', label: ROUNDS_TEXT.tabs.send, children: <SendTab district={district} rows={data.rows} rounds={data.rounds} city={data.city} /> },
          { key: 'collect', label: ROUNDS_TEXT.tabs.collect, children: <CollectTab rounds={data.rounds} tasks={tasks} city={data.city} onApplied={() => setTab('board')} /> },
          { key: 'board', label: ROUNDS_TEXT.tabs.board, children: <BoardTab rounds={data.rounds} tasks={tasks} city={data.city} /> },
          ...(data.city ? [{ key: 'summary', label: ROUNDS_TEXT.tabs.summary, children: <SummaryTab rounds={data.rounds} tasks={tasks} /> }] : []),
        ]}
      />
    </div>
  );
}
