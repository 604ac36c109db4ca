import { useMemo, useState } from 'react';
import { App, Button, Checkbox, Form, Input, InputNumber, Modal, Progress, Table, Tag, Tooltip } from 'antd';
import { EditOutlined, ImportOutlined, SearchOutlined } from '@ant-design/icons';
import { PACE_LABELS, buildDistrictIndicators, planBreakdown, targetText, indicatorAboveWhole, type BreakdownPlan, type DistrictTarget, type PaceVerdict } from '@core/indicators';
import { buildSearchKey, matchesSearch, parseQuery } from '@core/search';
import { usePinyin } from '../common/use-pinyin';
import { getDb, useQuery, allTargets, clustersRepo, documentsRepo, emptyProgress, progressOfDistrict, progressRepo, readDistrictTargets, saveDistrictTarget, saveDistrictTargets, tasksRepo, saveProgress } from '../../storage';
import { useAppContext } from '../common/app-context';
import { isCityOffice } from '@core/districts';
import { PeriodPicker } from '../common/PeriodPicker';
import { useReportingPeriod } from '../common/use-period';
import { buildIndicatorRows, type IndicatorRow } from './indicator-rows';
import { platform } from '../../platform';
import { INDICATOR_TEXT, INDICATOR_VALUE_TEXT } from './texts';

const T = { ...INDICATOR_TEXT, ...INDICATOR_VALUE_TEXT };
import { ValueInput } from '../common/ValueInput';
import { QueryFallback } from '../common/QueryView';
import { QUERY_TEXT } from '../common/texts';

const PACE_TAG: Readonly<Record<PaceVerdict, string>> = { met: 'green', ahead: 'cyan', on_track: 'blue', behind: 'red', unknown: 'default' };

/** Save one period's actual value of an indicator into the entry that holds it. */
async function saveValue(district: string, row: IndicatorRow, periodId: string, value: number | null): Promise<void> {
  const db = getDb();
  const entry = (await progressRepo.get(db, district, row.entryKey, periodId)) ?? emptyProgress(district, row.entryKey, periodId);
  await saveProgress(db, { ...entry, indicatorValues: { ...entry.indicatorValues, [row.target.id]: value } });
}

/** The 区级分解目标 editor of one indicator. */
function DistrictTargetDialog({ district, row, onClose }: { district: string; row: IndicatorRow; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<DistrictTarget>();
  const own = row.indicator.districtTarget;
  const city = row.indicator.cityTarget;
  const save = async () => {
    const v = await form.validateFields();
    const target: DistrictTarget = { value: v.value, origin: 'officer', ...(v.year ? { year: v.year } : {}), ...(v.baseline !== undefined && v.baseline !== null ? { baseline: v.baseline } : {}), ...(v.baselineYear ? { baselineYear: v.baselineYear } : {}) };
    await saveDistrictTarget(getDb(), district, row.indicator.key, target);
    message.success(T.targetSaved(row.indicator.name));
    onClose();
  };
  const remove = async () => {
    await saveDistrictTarget(getDb(), district, row.indicator.key, undefined);
    message.success(T.targetRemoved(row.indicator.name));
    onClose();
  };
  return (
    <Modal open title={T.targetTitle(row.indicator.name)} okText={T.save} cancelText={T.cancel} onOk={() => void save()} onCancel={onClose} destroyOnHidden>
      <p style={{ color: '#666' }}>{T.targetHelp(targetText(city))}</p>
      <Form form={form} layout="vertical" initialValues={{ value: own?.value, year: own?.year ?? city.year, baseline: own?.baseline, baselineYear: own?.baselineYear }}>
        <Form.Item name="value" label={T.targetValue(row.indicator.unit)} rules={[{ required: true, message: T.targetRequired }]}>
          <InputNumber style={{ width: 200 }} data-testid="district-target-value" />
        </Form.Item>
        <Form.Item name="year" label={T.targetYear}>
          <InputNumber style={{ width: 200 }} min={2000} max={2100} precision={0} />
        </Form.Item>
        <Form.Item name="baseline" label={T.baseline(row.indicator.unit)}>
          <InputNumber style={{ width: 200 }} data-testid="district-target-baseline" />
        </Form.Item>
        <Form.Item name="baselineYear" label={T.baselineYear}>
          <InputNumber style={{ width: 200 }} min={2000} max={2100} precision={0} data-testid="district-target-baseline-year" />
        </Form.Item>
      </Form>
      {own && (
        <Button danger size="small" onClick={() => void remove()}>
          {T.targetRemove}
        </Button>
      )}
    </Modal>
  );
}

/** 指标跟踪: the district's indicators with 全市 target, 区级分解目标, latest value, completion rate and history. */
export function IndicatorsPage() {
  const { message, modal } = App.useApp();
  const district = useAppContext().district;
  const city = isCityOffice(district);
  const { period } = useReportingPeriod();
  const dataQuery = useQuery(async () => {
    if (!district) return undefined;
    const db = getDb();
    const [targets, tasks, documents, clusters, progress, districtTargets] = await Promise.all([
      allTargets(db),
      tasksRepo.active(db),
      documentsRepo.all(db),
      clustersRepo.byDistrict(db, district),
      progressOfDistrict(db, district),
      readDistrictTargets(db, district),
    ]);
    return { targets, tasks, documents, clusters, progress, districtTargets };
  }, [district]);
  const data = dataQuery.data;
  const [search, setSearch] = useState('');
  const pinyinReady = usePinyin();
  const [all, setAll] = useState(false);
  const [withPast, setWithPast] = useState(false);
  const [editing, setEditing] = useState<IndicatorRow>();

  const rows = useMemo(() => (data && district ? buildIndicatorRows({ ...data, district, period, all }) : []), [data, district, period, all]);
  const pastCount = useMemo(() => rows.filter((r) => r.past).length, [rows]);
  const shown = useMemo(() => {
    const terms = parseQuery(search);
    return rows.filter(
      (r) =>
        (withPast || !r.past) &&
        (terms.length === 0 ||
          matchesSearch(buildSearchKey([r.indicator.name, r.task?.title ?? ''], [...r.indicator.targets.map((t) => t.sourceText), ...r.indicator.sources]), terms)),
    );
    // Searched again once the pinyin dictionary is in (initials then match).
  }, [rows, search, pinyinReady, withPast]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!data || !district) return <QueryFallback queries={[dataQuery]} what={QUERY_TEXT.pages.indicators} />;

  /** 导入区级分解表: read the city's sheet, show what it sets and what it cannot use, then write on OK. */
  const importBreakdown = async () => {
    const file = await platform().openFile({ title: T.breakdownOpen, filters: [{ name: T.excelFilter, extensions: ['xlsx', 'xls'] }] });
    if (!file) return;
    const { readWorkbook } = await import('../../spreadsheet/read-sheet');
    const read = await readWorkbook(file.data, file.name);
    if (!read.ok) return void message.error(T.breakdownUnreadable(file.name, read.message), 8);
    const every = buildDistrictIndicators({ ...data, district, period, all: true });
    const unitOf = (key: string) => every.find((i) => i.key === key)?.unit ?? '';
    const plan = planBreakdown(read.sheets, district, every);
    if ('error' in plan) return void modal.error({ title: T.breakdownRefused(file.name), content: plan.error });
    const show = (p: BreakdownPlan) => (
      <div data-testid="breakdown-plan">
        <p>{T.breakdownSummary(p.sheet, p.valueColumn, p.matches.length)}</p>
        <ul style={{ maxHeight: 220, overflow: 'auto', paddingLeft: 18 }}>
          {p.matches.map((m) => (
            // eslint-disable-next-line texts/no-cjk-literal -- a Comparator code of the model, not a text
            <li key={m.row}>{T.breakdownRow(m.row, m.name, targetText({ comparator: '达到', value: m.target.value, unit: unitOf(m.key), year: m.target.year }))}</li>
          ))}
        </ul>
        {p.issues.length > 0 && (
          <>
            <p style={{ color: '#d46b08' }}>{T.breakdownIssues(p.issues.length)}</p>
            <ul style={{ maxHeight: 160, overflow: 'auto', paddingLeft: 18, color: '#d46b08' }}>
              {p.issues.map((i) => (
                <li key={i.row}>{i.message}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    );
    if (plan.matches.length === 0) return void modal.warning({ title: T.breakdownNone(file.name), content: show(plan), width: 640 });
    modal.confirm({
      title: T.breakdownConfirm(file.name),
      content: show(plan),
      width: 640,
      okText: T.breakdownOk(plan.matches.length),
      cancelText: T.cancel,
      onOk: async () => {
        await saveDistrictTargets(getDb(), district, Object.fromEntries(plan.matches.map((m) => [m.key, m.target])));
        message.success(T.breakdownDone(plan.matches.length));
      },
    });
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: 'calc(100vh - 32px)' }} data-testid="indicators">
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', marginBottom: 8, flexWrap: 'wrap' }}>
        <Input allowClear prefix={<SearchOutlined />} placeholder={T.search} style={{ width: 300 }} value={search} onChange={(e) => setSearch(e.target.value)} data-testid="indicator-search" />
        <PeriodPicker />
        {/* The city's office has every indicator, judged against its own 全市 target: nothing to narrow or break down. */}
        {!city && (
          <>
            <Checkbox checked={!all} onChange={(e) => setAll(!e.target.checked)} data-testid="indicator-relevant-only">
              {T.relevantOnly}
            </Checkbox>
            <Button icon={<ImportOutlined />} onClick={() => void importBreakdown()} data-testid="indicator-import-breakdown">
              {T.breakdownButton}
            </Button>
          </>
        )}
        {pastCount > 0 && (
          <Checkbox checked={withPast} onChange={(e) => setWithPast(e.target.checked)} data-testid="indicator-with-past">
            {T.withPast(pastCount)}
          </Checkbox>
        )}
        <span style={{ marginLeft: 'auto', color: '#666' }} data-testid="indicator-count">
          {T.count(shown.length, rows.length)}
        </span>
      </div>
      <div style={{ color: '#666', fontSize: 12, marginBottom: 6 }}>{city ? T.cityScopeHelp : T.scopeHelp}</div>
      <div style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
        <Table<IndicatorRow>
          size="small"
          rowKey={(r) => r.indicator.key}
          dataSource={shown}
          pagination={false}
          sticky
          scroll={{ x: 1060 }}
          locale={{ emptyText: rows.length ? T.empty : T.noTargets }}
          expandable={{
            expandedRowRender: (r) => (
              <div style={{ padding: '2px 8px' }}>
                <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }} data-testid="indicator-history">
                  <b>{T.history}：</b>
                  {r.history.length === 0 && <span style={{ color: '#999' }}>{T.noHistory}</span>}
                  {r.history.map((h) => (
                    <span key={h.periodId}>
                      {h.name} <b>{h.value}</b>
                      {r.indicator.unit}
                    </span>
                  ))}
                </div>
                <div style={{ marginTop: 4 }}>
                  <b>{T.statements}：</b>
                  {r.indicator.targets.map((t) => `${t.sourceText.replace(/^[-\s]+/, '')}`).join('；')}
                </div>
              </div>
            ),
          }}
          columns={[
            { title: T.cols.name, width: 180, render: (_, r) => <span title={r.indicator.targets[0]?.sourceText}>{r.indicator.name}</span> },
            { title: T.cols.sources, width: 120, ellipsis: true, render: (_, r) => <span title={r.indicator.sources.join('、')}>{r.indicator.sources.join('、')}</span> },
            { title: city ? T.cols.cityOwn : T.cols.city, width: 130, render: (_, r) => <span style={{ color: city ? undefined : '#666' }}>{city || r.indicator.cityStated ? targetText(r.indicator.cityTarget) : '—'}</span> },
            ...(city ? [] : [{
              title: T.cols.district,
              width: 150,
              ellipsis: true,
              render: (_: unknown, r: IndicatorRow) => (
                <Button size="small" type={r.indicator.districtTarget ? 'default' : 'dashed'} icon={<EditOutlined />} onClick={() => setEditing(r)} data-testid={`district-target-${r.indicator.key}`}>
                  {r.indicator.districtTarget
                    ? targetText({ comparator: r.indicator.judged!.comparator, value: r.indicator.districtTarget.value, unit: r.indicator.unit, year: r.indicator.judged!.year })
                    : r.indicator.scope === 'district'
                      ? T.namedTarget
                      : T.setTarget}
                </Button>
              ),
            }]),
            {
              title: T.cols.current(period.name),
              width: 128,
              render: (_, r) => (
                <ValueInput
                  key={`${r.indicator.key}|${period.id}`}
                  label={T.actualLabel(r.indicator.name, period.name)}
                  name={r.indicator.name}
                  testId={`target-value-${r.target.id}`}
                  value={r.current}
                  unit={r.indicator.unit}
                  width={116}
                  doubt={(v) => indicatorAboveWhole(r.indicator, v, district)}
                  onCommit={(v) =>
                    void saveValue(district, r, period.id, v).catch((e: unknown) => message.error(`${T.saveFailed}${e instanceof Error ? e.message : String(e)}`))
                  }
                />
              ),
            },
            { title: T.cols.latest, width: 110, render: (_, r) => (r.latest ? <span title={r.latest.name}>{`${r.latest.value}${r.indicator.unit}`}<span style={{ color: '#999', fontSize: 12 }}>（{r.latest.name.replace(/^\d+年/, '')}）</span></span> : T.none) },
            { title: T.cols.rate, width: 100, render: (_, r) => (r.rate === undefined ? T.none : <Progress percent={Math.min(100, r.rate)} format={() => `${r.rate}%`} size="small" />) },
            {
              title: T.cols.judgement,
              width: 92,
              render: (_, r) => {
                const doubt = indicatorAboveWhole(r.indicator, r.current, district);
                return (
                  <>
                    {!r.latest ? (
                      T.none
                    ) : (
                      <Tooltip title={r.pace.reason}>
                        <Tag color={PACE_TAG[r.pace.verdict]} data-testid="indicator-pace">
                          {r.indicator.judged ? PACE_LABELS[r.pace.verdict] : T.reference}
                        </Tag>
                      </Tooltip>
                    )}
                    {doubt && (
                      <Tooltip title={doubt}>
                        <Tag color="orange" data-testid="indicator-doubt">
                          {T.doubt}
                        </Tag>
                      </Tooltip>
                    )}
                  </>
                );
              },
            },
          ]}
        />
      </div>
      {editing && <DistrictTargetDialog district={district} row={editing} onClose={() => setEditing(undefined)} />}
    </div>
  );
}
