import { useState } from 'react';
import { Button, Card, Radio, Space, Typography } from 'antd';
import { DISTRICTS } from '@core/districts';
import { SHELL_TEXT } from './texts';

const T = SHELL_TEXT.firstStart;

/** First start: the officer picks their district, which is remembered. */
export function FirstStart({ onPick }: { onPick: (district: string) => Promise<void> }) {
  const [choice, setChoice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const group = (kind: 'district' | 'zone') => (
    <Radio.Group value={choice} onChange={(e) => setChoice(e.target.value as string)} optionType="button" buttonStyle="solid">
      <Space wrap size={[8, 8]}>
        {DISTRICTS.filter((d) => d.kind === kind).map((d) => (
          <Radio.Button key={d.name} value={d.name}>
            {d.name}
          </Radio.Button>
        ))}
      </Space>
    </Radio.Group>
  );
  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: 64 }}>
      <Card style={{ width: 760 }} title={T.title}>
        <Typography.Paragraph>{T.intro}</Typography.Paragraph>
        <Typography.Title level={5}>{T.districts}</Typography.Title>
        {group('district')}
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {T.zones}
        </Typography.Title>
        {group('zone')}
        <div style={{ marginTop: 24, textAlign: 'right' }}>
          <Button
            type="primary"
            size="large"
            disabled={!choice || busy}
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
            {choice ? `${T.confirm}：${choice}` : T.pickFirst}
          </Button>
        </div>
      </Card>
    </div>
  );
}
