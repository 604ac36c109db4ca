import type { ReactNode } from 'react';
import { Layout, Menu, Typography } from 'antd';
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
import { DashboardPage } from '../dashboard/DashboardPage';
import { LedgerPage } from '../ledger/LedgerPage';
import { ClustersPage } from '../clusters/ClustersPage';
import { IndicatorsPage } from '../indicators/IndicatorsPage';
import { ReportsPage } from '../reports/ReportsPage';
import { ImportPage } from '../import/ImportPage';
import { ImportFileDrop } from '../import/FileDrop';
import { RoundsPage } from '../rounds/RoundsPage';
import { DocumentsPage } from '../documents/DocumentsPage';
import { BackupPage } from '../backup/BackupPage';
import { SettingsPage } from '../settings/SettingsPage';
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

const PAGES: Record<PageId, () => ReactNode> = {
  dashboard: () => <DashboardPage />,
  ledger: () => <LedgerPage />,
  clusters: () => <ClustersPage />,
  indicators: () => <IndicatorsPage />,
  reports: () => <ReportsPage />,
  import: () => <ImportPage />,
  rounds: () => <RoundsPage />,
  documents: () => <DocumentsPage />,
  backup: () => <BackupPage />,
  settings: () => <SettingsPage />,
};

/** The main window: navigation on the left, the open page on the right. */
export function Shell({ district }: { district: string }) {
  const page = useRoute((s) => s.page);
  const go = useRoute((s) => s.go);
  // Set up as the city's office (市级), the app speaks for the city, not for one district.
  const level = useQuery(() => loadOfficeLevel(getDb()), []).data;
  useDesktopEvents();
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
          {PAGES[page]()}
        </PageErrorBoundary>
      </Layout.Content>
      {page !== 'rounds' && <ImportFileDrop />}
    </Layout>
  );
}
