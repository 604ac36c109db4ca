import { Component, useEffect, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { getDb, useLiveQuery } from './storage/live';
import { getDistrict, setDistrict } from './storage/repositories';
import { ensureSeeded } from './storage/seed';
import { recoverDrafts } from './storage/drafts';
import { FirstStart } from './features/shell/FirstStart';
import { Shell } from './features/shell/Shell';
import { CRASH_TEXT, SHELL_TEXT } from './features/shell/texts';
import { StorageGate } from './features/backup/StorageGate';

dayjs.locale('zh-cn');

/** undefined while loading, null when no district has been chosen yet. */
function useDistrict(): string | null | undefined {
  return useLiveQuery(async () => (await getDistrict(getDb())) ?? null, []);
}

/**
 * On start: load the default data set into an empty store (idempotent), then write back any
 * progress text that was typed but not yet saved when the window closed. False until done.
 */
function useStartup(): boolean {
  const { notification } = AntApp.useApp();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const db = getDb();
    ensureSeeded(db)
      .catch((e: unknown) =>
        notification.error({ message: SHELL_TEXT.seedFailed, description: e instanceof Error ? e.message : String(e), duration: 0 }),
      )
      .then(() => recoverDrafts(db))
      .catch((e: unknown) =>
        notification.error({ message: SHELL_TEXT.draftsFailed, description: e instanceof Error ? e.message : String(e), duration: 0 }),
      )
      .finally(() => setReady(true));
  }, [notification]);
  return ready;
}

function Root() {
  const ready = useStartup();
  const district = useDistrict();
  if (!ready || district === undefined) return <Spin fullscreen description={SHELL_TEXT.loading} />;
  if (district === null) return <FirstStart onPick={(d) => setDistrict(getDb(), d)} />;
  return <Shell district={district} />;
}

/** The application root: Chinese locale, antd theme, first start or the main window. */
export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { fontSize: 14, borderRadius: 4 } }}>
      <AntApp style={{ height: '100%' }}>
        <ErrorBoundary>
          <StorageGate>
            <Root />
          </StorageGate>
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}

class ErrorBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (this.state.error)
      return (
        <Result
          status="error"
          title={CRASH_TEXT.title}
          subTitle={CRASH_TEXT.detail(this.state.error.message)}
        />
      );
    return this.props.children;
  }
}
