import { describe, expect, it } from 'vitest';
import { TASK_FIELDS, fieldName, progressFieldValue, taskFieldText, type TaskFieldId } from './fields';
import { aTask, anEntry } from '../../test/builders/dashboard';

const task = aTask('d1-3', 'd1', { leadUnits: ['市科技创新局', '市发改委'], responsibleUnits: ['各区人民政府'], deadline: '2026-12-31', deadlineText: '2026年底前', displayKey: '23' });

describe('the field registry: one name and one accessor per column', () => {
  it.each<[TaskFieldId, string]>([
    ['key', '23'], // the printed 任务编号 of a task an import added
    ['document', '文件d1'],
    ['number', '3'],
    ['title', '任务d1-3'],
    ['text', '任务d1-3的具体内容'],
    ['leadUnits', '市科技创新局、市发改委'],
    ['responsibleUnits', '各区人民政府'],
    ['deadline', '2026年底前'],
    ['progress', ''], // not a task's field
  ])('%s of a task reads %j', (f, text) => {
    expect(taskFieldText(task, f, (id) => `文件${id}`)).toBe(text);
  });

  it('a deadline without its words reads as the date', () => {
    expect(taskFieldText({ ...task, deadlineText: undefined }, 'deadline')).toBe('2026-12-31');
  });

  it.each([
    ['progress', '按计划推进'],
    ['percent', 40],
    ['status', '序时推进'],
    ['problems', ''],
    ['nextSteps', ''],
  ] as const)('%s of an entry reads %j', (f, value) => {
    expect(progressFieldValue({ ...anEntry('汉阳区', 'd1-3', '2025-Q3', 'on_track'), percent: 40 }, f)).toBe(value);
  });

  it('no entry reads empty, the percent as null', () => {
    expect(progressFieldValue(undefined, 'percent')).toBeNull();
    expect(progressFieldValue(undefined, 'status')).toBe('');
  });

  it('every column has one name, and no two columns share it', () => {
    const names = TASK_FIELDS.map((f) => fieldName(f.id));
    expect(new Set(names).size).toBe(names.length);
    expect(fieldName('title')).toBe('重点任务');
  });
});
