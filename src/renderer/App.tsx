import { Component, useMemo, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, Result } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'antd/dist/antd.css';
import 'dayjs/locale/zh-cn';
import { getDb } from './storage/db';
import { useQuery } from './storage/use-query';
import { getDistrict, getPeriodKind } from './storage/repositories';
import { changeDistrict } from './storage/settings';
import { prefetchLedger } from './storage/shared-query';
import { useRoute } from './state/route';
import { readSetting } from './storage/settings';
import { FirstStart } from './features/shell/FirstStart';
import { Shell } from './features/shell/Shell';
import { AppContextProvider } from './features/common/app-context';
import { CRASH_TEXT } from './features/shell/texts';
import { Boot } from './Boot';

dayjs.locale('zh-cn');

/** The district, period kind and 填报人, read once for every page; undefined while loading, district null before first start. */
function useOffice() {
  return useQuery(async (db) => {
    const [district, periodKind, filledBy] = await Promise.all([getDistrict(db), getPeriodKind(db), readSetting(db, 'filledBy')]);
    return { district: district ?? null, periodKind, filledBy };
  }, []).data;
}

function Root() {
  const office = useOffice();
  const district = office?.district;
  const periodKind = office?.periodKind ?? 'quarter';
  const filledBy = office?.filledBy ?? '';
  // A new context value only when one of the three changes, not on every settings write.
  const context = useMemo(() => (district ? { district, periodKind, filledBy } : undefined), [district, periodKind, filledBy]);
  // Still inside the one start-up spinner's time: the first read after opening is instant.
  if (office === undefined) return null;
  if (district === null || !context) return <FirstStart onPick={(d) => changeDistrict(getDb(), d)} />;
  // Opening on the ledger: its tasks are asked of IndexedDB now, so that the store reads them while
  // the frame below is drawn, not after it. (Starting a read, once per district, is safe during
  // render: it sets no state.)
  if (useRoute.getState().page === 'ledger') prefetchLedger(context.district);
  return (
    <AppContextProvider value={context}>
      <Shell district={context.district} />
    </AppContextProvider>
  );
}

/**
 * The application root: Chinese locale, antd theme, first start or the main window. antd's styles
 * come from its own stylesheet (antd/dist/antd.css, the installed version's), not worked out in the
 * page as each component first shows (zeroRuntime): the same pixels, without that work at the start
 * and on each page's first visit. The theme's tokens still reach the stylesheet as CSS variables.
 */
export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={{ zeroRuntime: true, token: { fontSize: 14, borderRadius: 4 } }}>
      <AntApp style={{ height: '100%' }}>
        <ErrorBoundary>
          <Boot>
            <Root />
          </Boot>
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
