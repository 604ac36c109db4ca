import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Checkbox, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined, SendOutlined } from '@ant-design/icons';
import { periodOptions, useReportingPeriod } from '../common/use-period';
import { REPORT_KINDS, REPORT_NAMES, buildClusterRows, buildTaskRows, findBlankClusterItems, findMissingItems, findOverdueOnTime, findStatusClashes, findValuesAboveWhole, missingCounts, reportTasks, type ClashItem, type LateItem, type MissingItem, type ReportKind } from '@core/report';
import { tasksOfPastDocuments } from '@core/closure';
import { useRoute } from '../../state/route';
import { isCityOffice } from '@core/districts';
import { getDb, useQuery, readLockState, readReportHeader, storedTemplate } from '../../storage';
import { useAppContext } from '../common/app-context';
import { SubmissionPanel } from './SubmissionPanel';
import { platform } from '../../platform';
import { loadReportSource } from './report-source';
import { ReportHeaderSection } from '../common/ReportHeaderSection';
import { DEFAULT_SUBMISSION_KINDS, previewSubmission, submitReports, type SubmissionPreview } from './submit-flow';
import { REPORTS_TEXT as T } from './texts';
import { overdueAsOf } from '@core/progress';
import { localDate } from '@core/time';
import { QueryProblem } from '../common/QueryView';
import { QUERY_TEXT } from '../common/texts';


/** 报表导出: choose a period and a report, check what is missing, export, see what was submitted. */
/** A notice of the pre-export check with a button to the page where it is put right. */
function GoNotice({ testId, title, to, label }: { testId: string; title: ReactNode; to: Parameters<ReturnType<typeof useRoute.getState>['go']>[0]; label: string }) {
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 8 }}
      data-testid={testId}
      title={title}
      action={
        <Button size="small" onClick={() => useRoute.getState().go(to)}>
          {label}
        </Button>
      }
    />
  );
}

export function ReportsPage() {
  const { message, modal } = App.useApp();
  const db = getDb();
  const district = useAppContext().district;
  const periodKind = useAppContext().periodKind;
  // The one chosen period, shared with the ledger and every other page.
  const { period, current, options: periods, choose } = useReportingPeriod();
  const [kind, setKind] = useState<ReportKind>('tasks');
  const [busy, setBusy] = useState(false);
  const [withCharts, setWithCharts] = useState(true);
  const [preview, setPreview] = useState<SubmissionPreview>();
  const [submitKinds, setSubmitKinds] = useState<ReportKind[]>([...DEFAULT_SUBMISSION_KINDS]);
  const [submitting, setSubmitting] = useState(false);

  const checkQuery = useQuery(async () => {
    if (!district || !period) return undefined;
    const src = await loadReportSource(db, district, period);
    const rows = buildTaskRows(src);
    // Tasks of documents whose years ended before this period's (a 十四五 plan in 2026): the office may close them (批量销号).
    const past = tasksOfPastDocuments(src.documents, reportTasks(src), period.start);
    return {
      total: rows.length,
      missing: findMissingItems(rows),
      clashes: findStatusClashes(rows),
      // Judged on today, or on the period's end once it is over (the ledger's and the 工作台's 逾期).
      late: findOverdueOnTime(src, overdueAsOf(localDate(new Date()), period.end)),
      // Values of the 指标完成情况表 above the whole city's target for them (walk10: 150 家 against 全市 45家).
      aboveWhole: findValuesAboveWhole(src),
      past: past.map((p) => ({ title: p.document.shortTitle || p.document.title, endYear: p.endYear, count: p.tasks.length })),
      // A district with no cluster (nine have none built in) would send an empty 产业集群推进情况表.
      noClusters: !isCityOffice(district) && src.clusters.length === 0,
      // The district's clusters whose row would print 重点方向, 本期进展 or 集群指标及数值 empty.
      blankClusters: isCityOffice(district) ? [] : findBlankClusterItems(buildClusterRows(src)),
    };
  }, [district, period?.id]);
  const check = checkQuery.data;
  // The signature block (填报人, 联系电话, 审核人) and 填报单位, live: filled below, the warning goes.
  const header = useQuery(() => (district ? readReportHeader(db, district) : undefined), [district]).data;
  const blank = header ? (['unit', 'filledBy', 'phone', 'reviewer'] as const).filter((f) => !header[f].trim()).map((f) => T.headerFields[f]) : [];
  const templateQuery = useQuery(() => storedTemplate(db, kind), [kind]);
  const template = templateQuery.data;
  const lockQuery = useQuery(async () => (district && period ? readLockState(db, district, period.id) : undefined), [district, period?.id]);
  const lock = lockQuery.data;

  if (district === undefined || periodKind === undefined) return null;
  if (!district || !period) return <Alert type="warning" showIcon title={T.noDistrict} />;

  const doExport = async () => {
    setBusy(true);
    try {
      const { produceReport } = await import('./report-produce');
      const report = await produceReport(db, district, period, kind);
      if (kind === 'all' && withCharts) report.bytes = await withDashboardCharts(report.bytes);
      const result = await platform().saveFile({
        title: T.saveTitle,
        suggestedName: report.fileName,
        filters: [{ name: T.excelFilter, extensions: ['xlsx'] }],
        data: report.bytes,
      });
      if (result.status === 'canceled') {
        message.info(T.canceled);
        return;
      }
      message.success(T.saved(result.name));
    } catch (e) {
      const why = e instanceof Error && e.name === 'TemplateError' ? T.templateBroken : e instanceof Error ? e.message : String(e);
      message.error(T.failed(why), 8);
    } finally {
      setBusy(false);
    }
  };

  /** The 汇总 sheet with the 工作台 charts of this period as pictures. */
  const withDashboardCharts = async (bytes: Uint8Array): Promise<Uint8Array> => {
    const [{ loadDashboardSource, dashboardFor, todayIso }, { renderDashboardImages }, { addChartSheets }] = await Promise.all([
      import('../dashboard/dashboard-data'),
      import('../dashboard/chart-images'),
      import('../../spreadsheet/report-images'),
    ]);
    const source = await loadDashboardSource(db);
    if (!source) return bytes;
    const images = await renderDashboardImages(dashboardFor(source, period, todayIso()));
    return addChartSheets(bytes, T.summarySheet, images, `${district}${period.name}`);
  };

  const openSubmit = async () => {
    // No cluster: the 产业集群推进情况表 would be an empty table, so it is not ticked (the officer may tick it).
    const kinds = DEFAULT_SUBMISSION_KINDS.filter((k) => !(k === 'clusters' && check?.noClusters));
    setSubmitKinds(kinds);
    setPreview(await previewSubmission(db, district, period, kinds));
  };

  const changeSubmitKinds = async (kinds: ReportKind[]) => {
    const ordered = REPORT_KINDS.filter((k) => kinds.includes(k));
    setSubmitKinds(ordered);
    setPreview(await previewSubmission(db, district, period, ordered));
  };

  const doSubmit = async () => {
    setSubmitting(true);
    try {
      const outcome = await submitReports(db, {
        district,
        period,
        kinds: submitKinds,
        decorate: async (k, bytes) => (k === 'all' && withCharts ? withDashboardCharts(bytes) : bytes),
        save: async (file) => {
          const r = await platform().saveFile({ title: T.submitSaveTitle(REPORT_NAMES[file.kind]), suggestedName: file.fileName, filters: [{ name: T.excelFilter, extensions: ['xlsx'] }], data: file.bytes });
          return r.status === 'canceled' ? { status: 'canceled' } : { status: 'saved', name: r.name };
        },
      });
      if (outcome.status === 'submitted') {
        setPreview(undefined);
        message.success(T.submitted(outcome.submission.files?.length ?? 1));
      } else if (outcome.status === 'locked') message.warning(T.alreadyLocked);
      else message.info(T.submitCanceled(outcome.savedBefore));
    } catch (e) {
      const why = e instanceof Error && e.name === 'TemplateError' ? T.templateBroken : e instanceof Error ? e.message : String(e);
      message.error(T.submitFailed(why), 8);
    } finally {
      setSubmitting(false);
    }
  };

  const onExport = () => {
    const missing = check?.missing.length ?? 0;
    if (check && missing > 0 && kind !== 'indicators' && kind !== 'clusters')
      modal.confirm({
        title: T.confirmTitle,
        content: T.confirmBody(check.total, missingCounts(check.missing).empty, missingCounts(check.missing).partial),
        okText: T.exportAnyway,
        cancelText: T.cancel,
        onOk: () => doExport(),
      });
    else void doExport();
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 1100 }}>
      <QueryProblem queries={[checkQuery, templateQuery, lockQuery]} what={QUERY_TEXT.pages.reports} />
      <div>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {T.title}
        </Typography.Title>
        <Typography.Text type="secondary">{T.intro}</Typography.Text>
      </div>
      <Card size="small">
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Space wrap>
            <span>{T.period}：</span>
            <Select
              data-testid="report-period"
              style={{ width: 200 }}
              value={period.id}
              onChange={(id: string) => choose(id === current.id ? undefined : id)}
              options={periodOptions(periods, current)}
            />
          </Space>
          <Space wrap>
            <span>{T.report}：</span>
            <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as ReportKind)} optionType="button" buttonStyle="solid">
              {REPORT_KINDS.map((k) => (
                <Radio.Button key={k} value={k}>
                  {REPORT_NAMES[k]}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Space>
          {kind === 'all' && (
            <Checkbox checked={withCharts} onChange={(e) => setWithCharts(e.target.checked)} data-testid="report-with-charts">
              {T.withCharts}
            </Checkbox>
          )}
          <Typography.Text type="secondary">{template ? T.templateCustom(template.fileName) : T.templateBuiltin}</Typography.Text>
        </Space>
      </Card>

      <Card
        size="small"
        title={T.checkTitle}
        data-testid="report-check"
        extra={
          <Space>
            <Button icon={<FileExcelOutlined />} loading={busy} onClick={onExport} data-testid="report-export">
              {busy ? T.exporting : T.export}
            </Button>
            <Button type="primary" icon={<SendOutlined />} onClick={() => void openSubmit()} disabled={lock?.locked} data-testid="report-submit">
              {lock?.locked ? T.submitLocked : T.submit}
            </Button>
          </Space>
        }
      >
        {check && check.past.length > 0 && (
          <GoNotice testId="report-past-documents" title={T.pastDocuments(check.past)} to="ledger" label={T.pastDocumentsGo} />
        )}
        {check?.noClusters && (
          <GoNotice testId="report-no-clusters" title={T.noClusters} to="clusters" label={T.noClustersGo} />
        )}
        {check && check.blankClusters.length > 0 && (
          <GoNotice testId="report-blank-clusters" title={T.blankClusters(check.blankClusters.map((c) => T.blankCluster(c.name, c.blank)))} to="clusters" label={T.noClustersGo} />
        )}
        {!check ? (
          <Typography.Text type="secondary">{T.checking}</Typography.Text>
        ) : check.missing.length === 0 ? (
          check.clashes.length === 0 && check.late.length === 0 && check.aboveWhole.length === 0 && <Alert type="success" showIcon title={T.checkOk(check.total)} />
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert type="warning" showIcon title={T.checkMissing(check.total, missingCounts(check.missing).empty, missingCounts(check.missing).partial)} />
            <CheckedTasks<MissingItem>
              items={check.missing}
              what={T.colMissing}
              tags={(m) => m.missing.map((x) => <Tag key={x} color="orange">{x === 'status' ? T.missingStatus : T.missingProgress}</Tag>)}
            />
          </Space>
        )}
        {check && check.clashes.length > 0 && (
          <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }} data-testid="report-clashes">
            <Alert type="warning" showIcon title={T.checkClashes(check.clashes.length)} />
            <CheckedTasks<ClashItem> items={check.clashes} what={T.colClash} tags={(c) => <Tag color="red">{`${c.status} / ${c.percent}%`}</Tag>} />
          </Space>
        )}
        {check && check.late.length > 0 && (
          <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }} data-testid="report-late">
            <Alert type="warning" showIcon title={T.checkLate(check.late.length)} />
            <CheckedTasks<LateItem> items={check.late} what={T.colLate} tags={(l) => <Tag color="red">{T.lateTag(l.status, l.deadline)}</Tag>} />
          </Space>
        )}
        {check && check.aboveWhole.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 8 }}
            data-testid="report-above-whole"
            title={T.checkAboveWhole(check.aboveWhole.length)}
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {check.aboveWhole.map((d) => (
                  <li key={d.seq}>{T.aboveWholeItem(d.seq, d.reason)}</li>
                ))}
              </ul>
            }
            action={
              <Button size="small" onClick={() => useRoute.getState().go('indicators')}>
                {T.aboveWholeGo}
              </Button>
            }
          />
        )}
      </Card>

      {blank.length > 0 && <Alert type="warning" showIcon data-testid="report-header-blank" title={T.headerBlank(blank, header && !header.unit.trim() ? district : undefined)} />}
      <ReportHeaderSection district={district} compact />

      <SubmissionPanel district={district} periodId={period.id} />

      <Modal
        open={preview !== undefined}
        title={T.submitTitle(period.name)}
        okText={T.submitOk}
        cancelText={T.cancelSubmit}
        onOk={() => void doSubmit()}
        onCancel={() => setPreview(undefined)}
        confirmLoading={submitting}
        okButtonProps={{ disabled: submitKinds.length === 0 || preview?.locked === true, ...({ 'data-testid': 'submit-confirm' } as Record<`data-${string}`, string>) }}
        width={640}
        destroyOnHidden
      >
        {preview && (
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="submit-dialog">
            <Alert
              type={preview.empty > 0 ? 'warning' : 'success'}
              showIcon
              title={T.submitCounts(preview.tasks, preview.empty, preview.partial)}
              data-testid="submit-counts"
            />
            <div>
              <Typography.Text strong>{T.submitWhich}</Typography.Text>
              <Checkbox.Group
                style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 4 }}
                value={submitKinds}
                onChange={(v) => void changeSubmitKinds(v as ReportKind[])}
                options={REPORT_KINDS.map((k) => ({ value: k, label: REPORT_NAMES[k] }))}
              />
            </div>
            <div data-testid="submit-files">
              <Typography.Text strong>{T.submitFiles(preview.files.length)}</Typography.Text>
              <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                {preview.files.map((f) => (
                  <li key={f.kind}>{f.fileName}</li>
                ))}
              </ul>
            </div>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {T.submitExplain}
            </Typography.Paragraph>
          </Space>
        )}
      </Modal>

      <Card size="small" title={T.submissionsTitle} data-testid="report-submissions">
        {!lock || lock.submissions.length === 0 ? (
          <Typography.Text type="secondary">{T.noSubmissions}</Typography.Text>
        ) : (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={[...lock.submissions].reverse()}
            columns={[
              { title: T.colAt, dataIndex: 'at', width: 170, render: (at: string) => new Date(at).toLocaleString('zh-CN') },
              {
                title: T.colFile,
                render: (_, s) =>
                  (s.files ?? [{ report: s.report, fileName: s.fileName, sha256: s.sha256 }]).map((f) => (
                    <div key={f.fileName}>
                      {f.fileName} <Typography.Text code title={f.sha256}>{f.sha256.slice(0, 12)}…</Typography.Text>
                    </div>
                  )),
              },
              { title: T.colCounts, width: 150, render: (_, s) => (s.counts ? T.counts(s.counts.filled, s.counts.empty) : '—') },
              {
                title: T.colState,
                width: 170,
                render: (_, s) => (s.unlockedAt ? <Tag>{T.unlocked(new Date(s.unlockedAt).toLocaleDateString('zh-CN'))}</Tag> : <Tag color="green">{T.locked}</Tag>),
              },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}

/** The tasks a pre-export check names (序号, 任务编号, 重点任务) with what it found of each, eight a page. */
function CheckedTasks<Item extends { taskKey: string; seq: number; title: string }>({ items, what, tags }: { items: Item[]; what: string; tags: (item: Item) => ReactNode }) {
  return (
    <Table<Item>
      size="small"
      rowKey="taskKey"
      dataSource={items}
      pagination={items.length > 8 ? { pageSize: 8, showSizeChanger: false } : false}
      columns={[
        { title: T.colSeq, dataIndex: 'seq', width: 60 },
        { title: T.colKey, dataIndex: 'taskKey', width: 120 },
        { title: T.colTitle, dataIndex: 'title', ellipsis: true },
        { title: what, width: 200, render: (_, item) => tags(item) },
      ]}
    />
  );
}
