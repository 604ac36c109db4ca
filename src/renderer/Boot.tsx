import { useEffect, useState, type ReactNode } from 'react';
import { App as AntApp, Button, Result } from 'antd';
import { getDb } from './storage/db';
import { backupBeforeUpgrade, createBackup, writeToSink } from './storage/backup';
import { describeStorageError, isStorageError, STORAGE_TEXT, type StorageProblem } from './storage/persist';
import { isDesktop, platform } from './platform';
import { bootApp } from './boot';
import { GATE_TEXT } from './features/backup/texts';
import { SHELL_TEXT } from './features/shell/texts';

type BootState = { step: 'starting' } | { step: 'blocked' } | { step: 'ready' } | { step: 'problem'; problem: StorageProblem };

/**
 * Runs the start-up sequence (boot.ts) behind one spinner, explains a store that cannot open
 * in Chinese with a way out, and answers main's requests for daily and on-close backups.
 */
export function Boot({ children }: { children: ReactNode }) {
  const [state, setState] = useState<BootState>({ step: 'starting' });
  const { notification } = AntApp.useApp();

  useEffect(() => {
    let live = true;
    void bootApp({
      db: getDb(),
      backupBeforeUpgrade: isDesktop() ? backupBeforeUpgrade : undefined,
      onBlocked: () => live && setState({ step: 'blocked' }),
      onClosedByOtherWindow: () => live && setState({ step: 'problem', problem: { kind: 'closed', ...STORAGE_TEXT.closed, action: 'reload' } }),
    }).then((outcome) => {
      if (!live) return;
      if (!outcome.ok) return setState({ step: 'problem', problem: outcome.problem });
      for (const w of outcome.warnings)
        notification.error({ message: w.step === 'seed' ? SHELL_TEXT.seedFailed : SHELL_TEXT.draftsFailed, description: w.detail, duration: 0 });
      setState({ step: 'ready' });
    });
    return () => {
      live = false;
    };
  }, [notification]);

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
  if (state.step === 'starting') return <StartingSpinner />;
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

/**
 * The start's spinner, drawn by the app's own stylesheet alone (styles.css .boot-spinner): no
 * antd component is rendered before the main window.
 */
function StartingSpinner() {
  return (
    <div className="boot-spinner" role="status" aria-live="polite">
      <div className="boot-spinner-ring" />
      <div>{GATE_TEXT.opening}</div>
    </div>
  );
}
