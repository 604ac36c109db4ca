/** The officer-facing refusals and failures of backup and restore, in one place. */
import { TABLE_NAMES } from '@core/records/schemas';
import { LATEST_VERSION } from '../schema';
import { BACKUP_FORMAT_VERSION } from './format';

/** Refusal texts, in one place. */
export const BACKUP_TEXT = {
  empty: '这个文件是空的，不是有效的备份文件。未做任何改动。',
  notText: '这个文件不是本程序的备份文件（不是文本格式的备份）。请选择以 .json 结尾、由“备份与恢复”生成的文件。未做任何改动。',
  truncated: '备份文件不完整，可能在复制或下载时被截断。请换一个备份文件（例如自动备份中的上一份）。未做任何改动。',
  foreign: '这个文件不是区级科创任务台账的备份文件（可能是其他程序导出的 JSON）。请选择由“备份与恢复”生成的文件。未做任何改动。',
  newerFormat: (v: number) =>
    `这个备份由更新版本的程序生成（备份格式第 ${v} 版），当前程序只能读取第 ${BACKUP_FORMAT_VERSION} 版。请先把本程序升级到最新版本再恢复。未做任何改动。`,
  newerSchema: (v: number) =>
    `这个备份来自更新版本的程序（数据结构第 ${v} 版，当前程序为第 ${LATEST_VERSION} 版）。请先把本程序升级到最新版本再恢复。未做任何改动。`,
  checksum: '备份文件已损坏或被修改过（校验值不一致），不能用来恢复。请换一个备份文件。未做任何改动。',
  damaged: (what: string) => `备份文件内容不完整或已损坏（${what}），不能用来恢复。请换一个备份文件。未做任何改动。`,
  safetyFailed: (why: string) => `恢复前无法先备份当前数据（${why}），为避免丢失数据，本次没有恢复。请检查磁盘空间后重试。`,
  badRow: (table: string, row: number, what: string) =>
    `备份文件中“${TABLE_NAMES[table] ?? table}”表的第 ${row} 条记录不正确（${what}），不能用来恢复。请换一个备份文件（例如自动备份中的上一份）。未做任何改动。`,
  duplicateRow: (table: string, row: number) =>
    `备份文件中“${TABLE_NAMES[table] ?? table}”表的第 ${row} 条记录与前面的记录编号重复，不能用来恢复。请换一个备份文件。未做任何改动。`,
  changedSinceCheck: (name: string) =>
    `备份文件“${name}”在检查之后被改动过，和预览中的内容不一样，本次没有恢复。请重新选择这个文件，核对预览后再恢复。未做任何改动。`,
  writeFailed: '恢复没有完成，台账保持恢复前的样子。请关闭其他打开本程序的窗口、检查磁盘空间后重试；如仍失败，请把这段说明发给技术支持。',
} as const;

/** What is wrong with a damaged backup file (shown inside BACKUP_TEXT.damaged). */
export const DAMAGED_TEXT = {
  noFormatVersion: '缺少格式版本',
  noSchemaVersion: '缺少数据结构版本',
  noHeader: '缺少备份时间、条数或校验值',
  unknownSchemaVersion: (v: number) => `未知的数据结构版本 ${v}`,
  badTable: '数据表格式不对',
  unknownTable: (name: string) => `含有本程序不认识的数据表“${name}”`,
  countMismatch: (name: string) => `数据表“${name}”的条数与记录不符`,
  noDatabase: '缺少数据部分',
  readCountMismatch: (name: string) => `数据表“${name}”读取的条数与统计不符`,
} as const;

/** Row-level decoding problems (shown inside BACKUP_TEXT.badRow). */
export const ROW_TEXT = {
  badBase64: '二进制内容编码不正确',
  unknownType: (type: string) => `未知的数据类型“${type}”`,
  typesNotObject: '类型表不是对象',
  forbiddenPath: (path: string) => `类型表含有不允许的路径“${path}”`,
  missingPath: (path: string) => `类型表的路径“${path}”不存在`,
  badPathType: (path: string) => `类型表的路径“${path}”类型不对`,
} as const;

/** Persisted: the field name of the audit row that records a restore (shown in 修改记录). */
export const WHOLE_STORE = '全部数据';

/** Name of the store when the district is not set, in backup file names. */
export const NO_DISTRICT = '未选区';
/** First part of every backup's file name: 台账备份_汉阳区_2025-10-08_093000.json. */
export const BACKUP_FILE_PREFIX = '台账备份';
