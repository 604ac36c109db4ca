import { Alert, App as AntApp, Button, Card, Descriptions, Empty, Table, Tag, Typography } from 'antd';
import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { parsePeriodId } from '@core/period';
import { buildClusterSnapshots, reportTasks } from '@core/report';
import { getDb, useQuery, readLockState, unlockPeriod, readSetting, progressRepo, allTasks, clustersRepo } from '../../storage';
import { compareClusters, compareWithSubmission, latestClusterSubmission, latestTaskSubmission, type ComparedField, type SubmissionChange } from './compare';
import { loadReportSource } from './report-source';
import { SUBMISSION_TEXT as T } from './submission-texts';

type ChangeRow = { taskKey: string; subject: string; kind: SubmissionChange['kind']; field: ComparedField; label?: string; submitted: string; current: string };

function show(field: string, v: string): string {
  if (!v) return T.empty;
  return field === 'percent' ? `${v}%` : v;
}

/** 报送情况 of one district's period: 已报送 status, the file and its SHA-256, 解锁, and 本期与上期对比. */
export function SubmissionPanel({ district, periodId }: { district: string; periodId: string }) {
  const { modal, message } = AntApp.useApp();
  const period = parsePeriodId(periodId)?.name ?? periodId;
  const data = useQuery(async () => {
    const db = getDb();
    const [lock, current, by, tasks, clusters] = await Promise.all([
      readLockState(db, district, periodId),
      progressRepo.byPeriod(db, district, periodId),
      readSetting(db, 'filledBy'),
      allTasks(db),
      clustersRepo.byDistrict(db, district),
    ]);
    const compared = latestTaskSubmission(lock.submissions);
    const reporting = parsePeriodId(periodId);
    // The tasks the period's report lists now: an import since the 报送 may have changed them.
    const listed = reporting ? new Map(reportTasks({ tasks, clusters, progress: current, district, period: reporting }).map((t) => [t.key, t.title])) : undefined;
    const taskChanges = compared ? compareWithSubmission(compared, current, listed, new Map(tasks.map((t) => [t.key, t]))) : [];
    // The clusters as the sealed 产业集群推进情况表 printed them, against how the report reads them now.
    const sealedClusters = latestClusterSubmission(lock.submissions);
    const clusterChanges = sealedClusters && reporting ? compareClusters(sealedClusters, buildClusterSnapshots(await loadReportSource(db, district, reporting))) : [];
    return { lock, compared: compared ?? sealedClusters, changes: [...taskChanges, ...clusterChanges], by };
  }, [district, periodId]).data;
  if (!data) return null;
  const { lock, compared, changes, by } = data;
  const latest = lock.latest;

  const askUnlock = () =>
    modal.confirm({
      title: T.unlockTitle,
      content: T.unlockBody(period, by),
      okText: T.unlockOk,
      cancelText: T.cancel,
      okButtonProps: { danger: true },
      onOk: async () => {
        await unlockPeriod(getDb(), district, periodId, by);
        message.success(T.unlockedToast);
      },
    });

  const status = !latest ? (
    <Tag>{T.notSubmitted}</Tag>
  ) : lock.locked ? (
    <Tag color="green" icon={<LockOutlined />}>
      {T.submitted}
    </Tag>
  ) : (
    <Tag color="orange" icon={<UnlockOutlined />}>
      {T.unlocked}
    </Tag>
  );

  return (
    <Card
      size="small"
      data-testid="submission-panel"
      title={
        <span>
          {T.title(period)} {status}
        </span>
      }
      extra={
        lock.locked && (
          <Button size="small" danger icon={<UnlockOutlined />} onClick={askUnlock}>
            {T.unlock}
          </Button>
        )
      }
    >
      {!latest ? (
        <Typography.Paragraph type="secondary">{T.notSubmittedHint}</Typography.Paragraph>
      ) : (
        <>
          {lock.locked && <Alert type="info" showIcon title={T.lockedHint} style={{ marginBottom: 8 }} />}
          <Descriptions size="small" column={1} bordered>
            {(latest.files ?? [{ report: latest.report, fileName: latest.fileName, sha256: latest.sha256 }]).map((f, i, all) => (
              <Descriptions.Item key={f.fileName} label={all.length > 1 ? T.fileN(i + 1) : T.file}>
                <div>{f.fileName}</div>
                <Typography.Text code copyable style={{ fontSize: 12 }}>
                  {f.sha256}
                </Typography.Text>
              </Descriptions.Item>
            ))}
            {latest.counts && <Descriptions.Item label={T.counts}>{T.countsText(latest.counts.tasks, latest.counts.filled, latest.counts.empty)}</Descriptions.Item>}
            <Descriptions.Item label={T.at}>{dayjs(latest.at).format('YYYY-MM-DD HH:mm:ss')}</Descriptions.Item>
            {latest.unlockedAt && <Descriptions.Item label={T.unlockedAt}>{dayjs(latest.unlockedAt).format('YYYY-MM-DD HH:mm:ss')}</Descriptions.Item>}
          </Descriptions>
        </>
      )}
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {T.compareTitle}
      </Typography.Title>
      {!compared ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={T.noSubmission} />
      ) : changes.length === 0 ? (
        <Typography.Text type="secondary">{T.noChanges}</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph>{T.compareIntro}</Typography.Paragraph>
          <Table<ChangeRow>
            size="small"
            data-testid="submission-changes"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            rowKey={(r) => `${r.subject}|${r.field}|${r.label ?? ''}`}
            dataSource={changes.flatMap((c) => c.fields.map((f) => ({ ...f, taskKey: c.taskKey, subject: c.cluster ? T.clusterSubject(c.title) : c.taskKey, kind: c.kind })))}
            columns={[
              { title: T.columns.task, dataIndex: 'subject', width: 110 },
              { title: T.columns.kind, dataIndex: 'kind', width: 100, render: (k: keyof typeof T.kinds) => T.kinds[k] },
              { title: T.columns.field, key: 'field', width: 90, render: (_: unknown, r: ChangeRow) => (r.label ? T.indicatorField(r.label) : T.fields[r.field]) },
              {
                title: T.columns.before,
                key: 'submitted',
                render: (_: unknown, r: ChangeRow) => <Typography.Text type="secondary">{show(r.field, r.submitted)}</Typography.Text>,
              },
              { title: T.columns.now, key: 'current', render: (_: unknown, r: ChangeRow) => show(r.field, r.current) },
            ]}
          />
        </>
      )}
    </Card>
  );
}
