import { lazy, Suspense, useState } from 'react';
import { Alert, Button, Card, Radio, Space, Typography } from 'antd';
import { CITY_OFFICE, DISTRICTS } from '@core/districts';
import { SHELL_TEXT } from './texts';
import { BACKUP_PAGE_TEXT } from '../backup/texts';

const T = SHELL_TEXT.firstStart;

// The restore (its preview dialog, the backup reader) is a chunk of its own: only a first start loads it.
// A chunk that cannot be loaded (a damaged installation) says so in Chinese, and the choice stays.
const FirstStartRestore = lazy(() =>
  import('../backup/FirstStartRestore').then(
    (m) => ({ default: m.FirstStartRestore }),
    (e: unknown) => {
      console.error('first-start restore chunk failed to load', e);
      return { default: RestoreUnavailable };
    },
  ),
);

function RestoreUnavailable(_: { onBusy?: (busy: boolean) => void }) {
  return <Alert type="warning" showIcon title={BACKUP_PAGE_TEXT.restoreUnavailable} />;
}

/** First start: the officer picks their district, or the city's office (市级), which is remembered. */
export function FirstStart({ onPick }: { onPick: (district: string) => Promise<void> }) {
  const [choice, setChoice] = useState<string>();
  const [busy, setBusy] = useState(false);
  // A backup being read, previewed or restored: the choice waits (a district picked meanwhile would drop it).
  const [restoring, setRestoring] = useState(false);
  const group = (options: readonly { value: string; label: string }[]) => (
    <Radio.Group value={choice} onChange={(e) => setChoice(e.target.value as string)} optionType="button" buttonStyle="solid" disabled={restoring}>
      <Space wrap size={[8, 8]}>
        {options.map((o) => (
          <Radio.Button key={o.value} value={o.value}>
            {o.label}
          </Radio.Button>
        ))}
      </Space>
    </Radio.Group>
  );
  const of = (kind: 'district' | 'zone') => DISTRICTS.filter((d) => d.kind === kind).map((d) => ({ value: d.name, label: d.name }));
  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: 64 }}>
      <Card style={{ width: 760 }} title={T.title}>
        <Typography.Paragraph>{T.intro}</Typography.Paragraph>
        <Typography.Title level={5}>{T.districts}</Typography.Title>
        {group(of('district'))}
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {T.zones}
        </Typography.Title>
        {group(of('zone'))}
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {T.city}
        </Typography.Title>
        {group([{ value: CITY_OFFICE, label: T.cityOption }])}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {T.cityHelp}
        </Typography.Paragraph>
        <div style={{ marginTop: 24, display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: 16 }}>
          <div style={{ flex: 1 }} data-testid="first-start-restore">
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {T.restoreHint}
            </Typography.Paragraph>
            <Suspense fallback={null}>
              <FirstStartRestore onBusy={setRestoring} />
            </Suspense>
          </div>
          <Button
            type="primary"
            size="large"
            disabled={!choice || busy || restoring}
            loading={busy}
            onClick={async () => {
              if (!choice) return;
              setBusy(true);
              try {
                await onPick(choice);
              } finally {
                setBusy(false);
              }
            }}
          >
            {choice ? `${T.confirm}：${choice === CITY_OFFICE ? T.cityOption : choice}` : T.pickFirst}
          </Button>
        </div>
      </Card>
    </div>
  );
}
