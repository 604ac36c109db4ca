/**
 * Keeping the store alive: ask the browser for persistent storage, open the database with a
 * backup before any schema upgrade, and turn storage failures (quota exceeded, IndexedDB
 * unavailable, a newer database on disk, an upgrade blocked by another window) into plain
 * Chinese with a way out.
 */
import type Dexie from 'dexie';
import type { LedgerDb } from './ledger-db';

/** What the officer can do about a storage problem. */
export type StorageAction = 'reload' | 'close-other-windows' | 'free-space' | 'update-program' | 'contact-support';

/** A storage failure explained for the officer. */
export interface StorageProblem {
  kind: 'quota' | 'unavailable' | 'version' | 'blocked' | 'closed' | 'unknown';
  title: string;
  message: string;
  action: StorageAction;
}

/** The Chinese texts of storage problems, in one place. */
export const STORAGE_TEXT = {
  quota: {
    title: '磁盘空间不足，刚才的修改没有保存',
    message: '电脑的磁盘（通常是 C 盘）空间不够，数据库无法写入。请先删除不需要的文件或清空回收站，再回到本程序重新保存刚才的修改。已保存的数据不受影响。',
  },
  unavailable: {
    title: '无法打开本地数据库',
    message:
      '本程序的数据保存在本机数据库中，但现在无法打开（浏览器可能处于“无痕/隐私”模式，或禁止了网站数据）。请用普通窗口打开本程序；如仍不行，请重启电脑后再试。数据没有丢失。',
  },
  version: {
    title: '数据由更新版本的程序保存过',
    message: '本机的数据库是更新版本的程序写入的，当前这个较旧的程序无法打开它。请安装最新版本的区级科创任务台账再打开；数据没有丢失，请勿删除数据文件夹。',
  },
  blocked: {
    title: '请先关闭本程序的其他窗口',
    message: '本程序需要升级数据结构，但另一个窗口（或另一个浏览器标签页）正在使用数据库。请关闭其他窗口，升级会自动继续；升级前已自动备份。',
  },
  closed: {
    title: '数据已在另一个窗口中升级',
    message: '另一个窗口升级了数据库，这个窗口需要重新加载才能继续使用。请点击“重新加载”；已保存的内容不会丢失。',
  },
  unknown: {
    title: '数据库出现问题',
    message: '读写本机数据库时出错。请关闭本程序后重新打开；如仍出现，可在“备份与恢复”中从最近的备份恢复，并把下面的说明发给技术支持：',
  },
} as const;

function errorNames(err: unknown): string[] {
  const names: string[] = [];
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const o = e as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof o.name === 'string') names.push(o.name);
    e = o.inner ?? o.cause;
  }
  return names;
}

/** Explain a storage error (Dexie or DOMException, possibly wrapped) in Chinese. */
export function describeStorageError(err: unknown): StorageProblem {
  const names = errorNames(err);
  const has = (...n: string[]) => names.some((x) => n.includes(x));
  if (has('QuotaExceededError')) return { kind: 'quota', ...STORAGE_TEXT.quota, action: 'free-space' };
  if (has('VersionError')) return { kind: 'version', ...STORAGE_TEXT.version, action: 'update-program' };
  if (has('BlockedError', 'StorageBlockedError')) return { kind: 'blocked', ...STORAGE_TEXT.blocked, action: 'close-other-windows' };
  if (has('DatabaseClosedError')) return { kind: 'closed', ...STORAGE_TEXT.closed, action: 'reload' };
  if (has('MissingAPIError', 'InvalidStateError', 'SecurityError')) return { kind: 'unavailable', ...STORAGE_TEXT.unavailable, action: 'reload' };
  const detail = err instanceof Error ? err.message : String(err);
  return { kind: 'unknown', title: STORAGE_TEXT.unknown.title, message: `${STORAGE_TEXT.unknown.message}${detail}`, action: 'contact-support' };
}

/** Whether an error is a storage failure worth a storage message (rather than a plain refusal). */
export function isStorageError(err: unknown): boolean {
  return errorNames(err).some((n) =>
    ['QuotaExceededError', 'VersionError', 'DatabaseClosedError', 'MissingAPIError', 'InvalidStateError', 'OpenFailedError', 'UnknownError', 'AbortError'].includes(n),
  );
}

/** Ask the browser not to evict the store; 'unsupported' where the API is missing. */
export async function requestPersistentStorage(): Promise<'granted' | 'denied' | 'unsupported'> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.persist) return 'unsupported';
  try {
    if (await storage.persisted()) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}

/** Callbacks while opening: a blocked upgrade, and a later upgrade by another window. */
export interface OpenWatch {
  onBlocked?: () => void;
  onClosedByOtherWindow?: () => void;
}

/**
 * Open the store: when it is upgraded while another window holds it, `onBlocked` is called
 * (the open resumes once the other window closes); when another window upgrades it later,
 * this connection closes and `onClosedByOtherWindow` is called. Rejects with the original
 * error (explain it with describeStorageError).
 */
export async function openStore(db: LedgerDb | Dexie, watch: OpenWatch = {}): Promise<void> {
  db.on('blocked', () => watch.onBlocked?.());
  db.on('versionchange', () => {
    db.close();
    watch.onClosedByOtherWindow?.();
    return false;
  });
  await db.open();
}
