import { useState } from 'react';
import { Alert, App, Button, Card, Collapse, Radio, Select, Space, Typography } from 'antd';
import { CITY_OFFICE, DISTRICTS } from '@core/districts';
import { type PeriodKind } from '@core/model';
import { REPORT_KINDS, REPORT_NAMES, ROW_PLACEHOLDERS, SCALAR_PLACEHOLDERS, type ReportKind, type TemplateIssue } from '@core/report';
import { getDb, useQuery, changeDistrict, writeSetting, storedTemplate } from '../../storage';
import { useAppContext } from '../common/app-context';
import { platform } from '../../platform';
import { ReportHeaderSection } from '../common/ReportHeaderSection';
import { SETTINGS_MORE_TEXT, SETTINGS_TEXT } from './texts';

const T = { ...SETTINGS_TEXT, ...SETTINGS_MORE_TEXT };
import { UnitRenamesSection } from './UnitRenamesSection';
import { OfficeLevelSetting } from './OfficeLevelSetting';
import { QueryProblem } from '../common/QueryView';
import { QUERY_TEXT } from '../common/texts';

function DistrictSetting({ current }: { current: string }) {
  const { modal, message } = App.useApp();
  const [picked, setPicked] = useState(current);
  const change = () => {
    if (picked === current) return void message.info(T.districtSame);
    modal.confirm({
      title: T.districtConfirmTitle,
      content: T.districtConfirmBody(current, picked),
      onOk: async () => {
        await changeDistrict(getDb(), picked);
        message.success(T.districtChanged(picked));
      },
    });
  };
  return (
    <Space wrap>
      <Select
        data-testid="settings-district"
        style={{ width: 220 }}
        value={picked}
        onChange={setPicked}
        showSearch
        options={[
          { label: T.districtGroup, options: DISTRICTS.filter((d) => d.kind === 'district').map((d) => ({ value: d.name, label: d.name })) },
          { label: T.zoneGroup, options: DISTRICTS.filter((d) => d.kind === 'zone').map((d) => ({ value: d.name, label: d.name })) },
          { label: T.cityGroup, options: [{ value: CITY_OFFICE, label: T.cityOption }] },
        ]}
      />
      <Button onClick={change} disabled={picked === current}>
        {T.districtChange}
      </Button>
    </Space>
  );
}

function TemplateRow({ kind, onRefused }: { kind: ReportKind; onRefused: (r: { fileName: string; issues: TemplateIssue[] } | undefined) => void }) {
  const { message } = App.useApp();
  const db = getDb();
  const storedQuery = useQuery(() => storedTemplate(db, kind), [kind]);
  const stored = storedQuery.data;
  const load = async () => {
    const file = await platform().openFile({ title: T.openTitle, filters: [{ name: T.excelFilter, extensions: ['xlsx'] }] });
    if (!file) return;
    const { saveCustomTemplate } = await import('./template-store');
    const result = await saveCustomTemplate(db, kind, file);
    if (result.status === 'refused') onRefused({ fileName: file.name, issues: result.issues });
    else {
      onRefused(undefined);
      message.success(T.loaded(REPORT_NAMES[kind]));
    }
  };
  const revert = async () => {
    const { revertTemplate } = await import('./template-store');
    await revertTemplate(db, kind);
    message.success(T.reverted(REPORT_NAMES[kind]));
  };
  const download = async () => {
    const { templateBytesFor } = await import('../reports/report-produce');
    const { bytes } = await templateBytesFor(db, kind);
    await platform().saveFile({ title: T.download, suggestedName: T.templateFileName(REPORT_NAMES[kind]), filters: [{ name: T.excelFilter, extensions: ['xlsx'] }], data: bytes });
  };
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Typography.Text strong style={{ width: 190, flex: 'none' }}>
        {REPORT_NAMES[kind]}
      </Typography.Text>
      <QueryProblem queries={[storedQuery]} what={QUERY_TEXT.pages.settings} />
      <Space wrap data-testid={`template-${kind}`}>
        <Typography.Text>{stored ? T.custom(stored.fileName, new Date(stored.savedAt).toLocaleString('zh-CN')) : T.builtin}</Typography.Text>
        <Button size="small" onClick={load}>
          {T.load}
        </Button>
        <Button size="small" onClick={download}>
          {T.download}
        </Button>
        {stored && (
          <Button size="small" danger onClick={revert}>
            {T.revert}
          </Button>
        )}
      </Space>
    </div>
  );
}

/** 设置: 本区, 报告周期, 填报信息 and 报表模板. */
export function SettingsPage() {
  const { message } = App.useApp();
  const db = getDb();
  const district = useAppContext().district;
  const periodKind = useAppContext().periodKind;
  const [refused, setRefused] = useState<{ fileName: string; issues: TemplateIssue[] }>();
  if (district === undefined || periodKind === undefined) return null;

  const setKind = async (k: PeriodKind) => {
    await writeSetting(db, 'periodKind', k);
    message.success(T.periodSaved(k === 'month' ? T.monthly : T.quarterly));
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 1100 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {T.title}
      </Typography.Title>
      <Card size="small" title={T.district}>
        <Typography.Paragraph type="secondary">{T.districtHelp}</Typography.Paragraph>
        {district && <DistrictSetting key={district} current={district} />}
      </Card>
      <Card size="small" title={T.periodKind}>
        <Typography.Paragraph type="secondary">{T.periodHelp}</Typography.Paragraph>
        <Radio.Group value={periodKind} onChange={(e) => void setKind(e.target.value as PeriodKind)} optionType="button" buttonStyle="solid" data-testid="settings-period-kind">
          <Radio.Button value="month">{T.monthly}</Radio.Button>
          <Radio.Button value="quarter">{T.quarterly}</Radio.Button>
        </Radio.Group>
      </Card>
      <OfficeLevelSetting />
      <UnitRenamesSection />
      <ReportHeaderSection district={district ?? ''} />
      <Card size="small" title={T.templates} data-testid="settings-templates">
        <Typography.Paragraph type="secondary">{T.templatesHelp}</Typography.Paragraph>
        {refused && (
          <Alert
            type="error"
            showIcon
            closable
            onClose={() => setRefused(undefined)}
            style={{ marginBottom: 12 }}
            data-testid="template-refused"
            title={T.refusedTitle(refused.fileName)}
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {refused.issues.map((i, n) => (
                  <li key={n}>{i.message}</li>
                ))}
              </ul>
            }
          />
        )}
        {REPORT_KINDS.map((k) => (
          <TemplateRow key={k} kind={k} onRefused={setRefused} />
        ))}
        <Collapse
          ghost
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'p',
              label: T.placeholders,
              children: (
                <Space orientation="vertical">
                  <Typography.Text>
                    {T.scalarHelp}
                    {Object.entries(SCALAR_PLACEHOLDERS).map(([k, v]) => (
                      <Typography.Text key={k} code>{`{{${k}}} ${v.split('，')[0]}`}</Typography.Text>
                    ))}
                  </Typography.Text>
                  {Object.entries(ROW_PLACEHOLDERS).map(([scope, fields]) => (
                    <Typography.Text key={scope}>
                      {T.rowHelp}
                      {Object.entries(fields).map(([f, h]) => (
                        <Typography.Text key={f} code>{`{{${scope}.${f}}} ${h}`}</Typography.Text>
                      ))}
                    </Typography.Text>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
