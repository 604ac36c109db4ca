import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Layout, Menu, Spin, Typography } from 'antd';
import {
  AppstoreOutlined,
  BarChartOutlined,
  CloudDownloadOutlined,
  DashboardOutlined,
  FileExcelOutlined,
  FileTextOutlined,
  ImportOutlined,
  SendOutlined,
  SettingOutlined,
  TableOutlined,
} from '@ant-design/icons';
import { PAGE_IDS, useRoute, type PageId } from '../../state/route';
import { SHELL_TEXT } from './texts';
import { LedgerPage } from '../ledger/LedgerPage';
import { ImportFileDrop } from '../import/FileDrop';
import { useDesktopEvents } from './use-desktop-events';
import { PageErrorBoundary } from './PageErrorBoundary';
import { DamagedRowsNotice } from '../backup/DamagedRowsNotice';
import { getDb, useQuery, loadOfficeLevel } from '../../storage';

const ICONS: Record<PageId, ReactNode> = {
  dashboard: <DashboardOutlined />,
  ledger: <TableOutlined />,
  clusters: <AppstoreOutlined />,
  indicators: <BarChartOutlined />,
  reports: <FileExcelOutlined />,
  import: <ImportOutlined />,
  rounds: <SendOutlined />,
  documents: <FileTextOutlined />,
  backup: <CloudDownloadOutlined />,
  settings: <SettingOutlined />,
};

// The ledger is the page the officer starts on: it is in the entry chunk. Every other page is a
// chunk of its own, loaded when first opened (the 工作台 brings echarts, reports exceljs, documents
// mammoth), so the start does not parse them.
const loaders = {
  dashboard: () => import('../dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })),
  clusters: () => import('../clusters/ClustersPage').then((m) => ({ default: m.ClustersPage })),
  indicators: () => import('../indicators/IndicatorsPage').then((m) => ({ default: m.IndicatorsPage })),
  reports: () => import('../reports/ReportsPage').then((m) => ({ default: m.ReportsPage })),
  import: () => import('../import/ImportPage').then((m) => ({ default: m.ImportPage })),
  rounds: () => import('../rounds/RoundsPage').then((m) => ({ default: m.RoundsPage })),
  documents: () => import('../documents/DocumentsPage').then((m) => ({ default: m.DocumentsPage })),
  backup: () => import('../backup/BackupPage').then((m) => ({ default: m.BackupPage })),
  settings: () => import('../settings/SettingsPage').then((m) => ({ default: m.SettingsPage })),
} satisfies Record<Exclude<PageId, 'ledger'>, unknown>;

const Lazy = {
  dashboard: lazy(loaders.dashboard),
  clusters: lazy(loaders.clusters),
  indicators: lazy(loaders.indicators),
  reports: lazy(loaders.reports),
  import: lazy(loaders.import),
  rounds: lazy(loaders.rounds),
  documents: lazy(loaders.documents),
  backup: lazy(loaders.backup),
  settings: lazy(loaders.settings),
};

const PAGES: Record<PageId, () => ReactNode> = {
  dashboard: () => <Lazy.dashboard />,
  ledger: () => <LedgerPage />,
  clusters: () => <Lazy.clusters />,
  indicators: () => <Lazy.indicators />,
  reports: () => <Lazy.reports />,
  import: () => <Lazy.import />,
  rounds: () => <Lazy.rounds />,
  documents: () => <Lazy.documents />,
  backup: () => <Lazy.backup />,
  settings: () => <Lazy.settings />,
};

/**
 * A few seconds after the start, when the page is idle, the 工作台's chunk (the page officers open
 * most after the ledger) is loaded ahead, so its first opening does not wait for echarts.
 */
function usePrefetchDashboard(): void {
  useEffect(() => {
    const idle = (cb: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(cb, { timeout: 10_000 }) : setTimeout(cb, 0));
    const timer = setTimeout(() => idle(() => void loaders.dashboard().catch(() => undefined)), 3000);
    return () => clearTimeout(timer);
  }, []);
}

/** The main window: navigation on the left, the open page on the right. */
export function Shell({ district }: { district: string }) {
  const page = useRoute((s) => s.page);
  const go = useRoute((s) => s.go);
  // Set up as the city's office (市级), the app speaks for the city, not for one district.
  const level = useQuery(() => loadOfficeLevel(getDb()), []).data;
  useDesktopEvents();
  usePrefetchDashboard();
  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Sider width={168} theme="light" style={{ borderRight: '1px solid #e5e7eb' }}>
        <div style={{ padding: '14px 16px 10px' }}>
          <Typography.Text strong style={{ fontSize: 15 }}>
            {SHELL_TEXT.appName}
          </Typography.Text>
          <div data-testid="current-district" style={{ color: '#1677ff', marginTop: 4 }}>
            {level === 'city' ? SHELL_TEXT.cityLabel : `${SHELL_TEXT.districtLabel}：${district}`}
          </div>
        </div>
        <Menu
          mode="inline"
          selectedKeys={[page]}
          onClick={(e) => go(e.key as PageId)}
          items={PAGE_IDS.map((id) => ({ key: id, icon: ICONS[id], label: SHELL_TEXT.nav[id] }))}
        />
      </Layout.Sider>
      <Layout.Content style={{ overflow: 'auto', padding: 16 }} data-testid={`page-${page}`}>
        <DamagedRowsNotice onOpenBackup={() => go('backup')} />
        <PageErrorBoundary key={page} pageName={SHELL_TEXT.nav[page]} onOpenBackup={() => go('backup')}>
          <Suspense fallback={<Spin style={{ marginTop: 80, width: '100%' }} />}>{PAGES[page]()}</Suspense>
        </PageErrorBoundary>
      </Layout.Content>
      {page !== 'rounds' && <ImportFileDrop />}
    </Layout>
  );
}
