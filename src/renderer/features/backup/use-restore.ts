/**
 * The restore's steps as the officer meets them, for every screen that offers it (备份与恢复 and
 * the first start): choose a file (or a listed backup), see it checked and previewed or refused,
 * confirm, and be told what was restored and where the state before it was kept.
 */
import { useState } from 'react';
import { App as AntApp } from 'antd';
import { getDb } from '../../storage';
import { checkBackup, confirmRestore, openBackup, type PendingRestore } from './backup-flow';
import { BACKUP_PAGE_TEXT as T } from './texts';

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The restore in progress: what to show, and the officer's three actions. */
export function useRestore(onRestored?: () => void | Promise<void>, opts: { firstStart?: boolean } = {}) {
  const { message: toast, modal } = AntApp.useApp();
  const [busy, setBusy] = useState<'reading' | 'restore'>();
  // The file refused and why (its name in the notice's title).
  const [refusal, setRefusal] = useState<{ file: string; message: string }>();
  const [pending, setPending] = useState<PendingRestore>();

  /** A listed backup by name, or (null) one the officer chooses: checked, then previewed or refused. */
  const open = async (name: string | null) => {
    try {
      const file = await openBackup(name, T.openTitle);
      if (!file) return;
      setBusy('reading');
      const res = await checkBackup(file.source, name ?? file.name).finally(() => setBusy(undefined));
      if (!res.ok) return setRefusal({ file: name ?? file.name, message: res.message });
      setRefusal(undefined);
      setPending(res.pending);
    } catch (e) {
      toast.error(T.failed + message(e));
    }
  };

  /** The officer confirmed the preview: a safety backup, then every table replaced. */
  const confirm = async () => {
    if (!pending) return;
    setBusy('restore');
    try {
      // At the first start the state before is only the built-in documents: its safety backup is
      // kept (in the backup folder on the desktop) but not offered as a download beside the real one.
      const { safetyName } = await confirmRestore(getDb(), pending, opts.firstStart ? { offer: () => undefined } : {});
      setPending(undefined);
      modal.success({
        title: T.restored(pending.preview.counts.tasks ?? 0, pending.preview.counts.progress ?? 0),
        content: opts.firstStart ? undefined : T.safetyKept(safetyName),
      });
      await onRestored?.();
    } catch (e) {
      toast.error(T.failed + message(e));
    } finally {
      setBusy(undefined);
    }
  };

  return {
    busy,
    refusal,
    pending,
    open,
    confirm,
    cancel: () => setPending(undefined),
    dismissRefusal: () => setRefusal(undefined),
  };
}
