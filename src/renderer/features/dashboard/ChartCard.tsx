import { useEffect, useRef, useState } from 'react';
import { App, Button, Card } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ECharts } from 'echarts/core';
import { platform } from '../../platform';
import type { ChartSpec } from './chart-options';
import { dataUrlToBytes } from './chart-images';
import { CHART_LOCALE, echarts } from './echarts';
import { DASHBOARD_TEXT as T } from './texts';

/** One chart in a card: resizes with its box, and saves itself as a PNG through the platform. */
export function ChartCard({ spec, fileName, summary, empty }: { spec: ChartSpec; fileName: string; summary: string; empty?: React.ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();

  useEffect(() => {
    if (empty || !box.current) return;
    const el = box.current;
    const c = echarts.init(el, undefined, { renderer: 'canvas', locale: CHART_LOCALE });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = undefined;
    };
  }, [empty]);

  useEffect(() => {
    chart.current?.setOption(spec.option, { notMerge: true });
  }, [spec.option, empty]);

  const save = async () => {
    const c = chart.current;
    if (!c) return;
    setSaving(true);
    try {
      const data = dataUrlToBytes(c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }));
      const result = await platform().saveFile({ title: T.saveTitle, suggestedName: fileName, filters: [{ name: T.pngFilter, extensions: ['png'] }], data });
      if (result.status === 'saved') message.success(T.saved(result.name));
    } catch (e) {
      message.error(T.saveFailed(e instanceof Error ? e.message : String(e)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      size="small"
      title={spec.title}
      data-testid={`chart-${spec.id}`}
      styles={{ body: { padding: 8 } }}
      extra={
        empty ? null : (
          <Button size="small" type="text" icon={<DownloadOutlined />} loading={saving} onClick={save}>
            {T.saveImage}
          </Button>
        )
      }
    >
      {empty ?? <div ref={box} role="img" data-testid="chart-canvas" aria-label={summary} style={{ width: '100%', height: spec.height }} />}
    </Card>
  );
}
