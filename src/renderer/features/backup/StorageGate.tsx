import { useEffect, useState, type ReactNode } from 'react';
import { App as AntApp, Button, Result, Spin } from 'antd';
import { getDb, backupBeforeUpgrade, createBackup, writeToSink, describeStorageError, isStorageError, openStore, requestPersistentStorage, STORAGE_TEXT, type StorageProblem } from '../../storage';
import { isDesktop, platform } from '../../platform';
import { GATE_TEXT } from './texts';

type GateState = { step: 'opening' } | { step: 'blocked' } | { step: 'ready' } | { step: 'problem'; problem: StorageProblem };

/**
 * Opens the store before anything else: asks for persistent storage, backs up the store
 * before a schema upgrade (desktop), explains storage failures in Chinese with a way out,
 * and answers main's requests for daily and on-close backups.
 */
export function StorageGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<GateState>({ step: 'opening' });
  const { notification } = AntApp.useApp();

  useEffect(() => {
    let live = true;
    void (async () => {
      void requestPersistentStorage();
      if (isDesktop()) await backupBeforeUpgrade().catch((e: unknown) => console.warn('升级前备份失败', e));
      await openStore(getDb(), {
        onBlocked: () => live && setState({ step: 'blocked' }),
        onClosedByOtherWindow: () => live && setState({ step: 'problem', problem: { kind: 'closed', ...STORAGE_TEXT.closed, action: 'reload' } }),
      });
      if (live) setState({ step: 'ready' });
    })().catch((e: unknown) => live && setState({ step: 'problem', problem: describeStorageError(e) }));
    return () => {
      live = false;
    };
  }, []);

  // Main asks for the daily and on-close backups; the data lives here, so we stream the file to main
  // piece by piece (never the whole store in one buffer), or hand over the bytes where there is no stream.
  useEffect(
    () =>
      platform().onBackupRequested(async (reason) => {
        const backup = await createBackup(getDb(), reason);
        return (await writeToSink(platform(), reason, backup)) ?? backup.bytes;
      }),
    [],
  );

  // A failed write anywhere (disk full, database closed) is explained, not swallowed.
  useEffect(() => {
    const onRejection = (ev: PromiseRejectionEvent) => {
      if (!isStorageError(ev.reason)) return;
      const p = describeStorageError(ev.reason);
      notification.error({ message: p.title, description: p.message, duration: 0, key: `storage-${p.kind}` });
    };
    window.addEventListener('unhandledrejection', onRejection);
    return () => window.removeEventListener('unhandledrejection', onRejection);
  }, [notification]);

  if (state.step === 'ready') return <>{children}</>;
  if (state.step === 'opening') return <Spin fullscreen description={GATE_TEXT.opening} />;
  if (state.step === 'blocked')
    return <Result status="warning" title={STORAGE_TEXT.blocked.title} subTitle={`${STORAGE_TEXT.blocked.message}${GATE_TEXT.blockedHint}`} />;
  const { problem } = state;
  return (
    <Result
      status={problem.kind === 'quota' ? 'warning' : 'error'}
      title={problem.title}
      subTitle={problem.message}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {problem.action === 'reload' ? GATE_TEXT.reload : GATE_TEXT.retry}
        </Button>
      }
    />
  );
}
