import { describe, expect, it } from 'vitest';
import { makePeriod } from './period';
import { elapsedShare, statusReasonText, suggestStatus, type StatusInput, type StatusWhy } from './status';
import { statusFromLabel, type TaskStatus } from './model';

const q3 = makePeriod('quarter', 2025, 3); // ends 2025-09-30
const q4 = makePeriod('quarter', 2025, 4);
const q1y26 = makePeriod('quarter', 2026, 1);

describe('elapsedShare', () => {
  it('counts days inclusively', () => {
    expect(elapsedShare('2025-01-01', '2025-12-31', '2025-12-31')).toBe(1);
    expect(elapsedShare('2025-01-01', '2025-12-31', '2025-09-30')).toBeCloseTo(273 / 365, 5);
    expect(elapsedShare('2025-01-01', '2025-12-31', '2024-06-30')).toBe(0);
  });
});

describe('suggestStatus', () => {
  const year = { deadline: '2025-12-31', deadlineText: '2025年底前' };
  const cases: [string, StatusInput, string | undefined, StatusWhy['kind'], RegExp][] = [
    ['100% is done', { period: q3, ...year, percent: 100 }, 'done', 'complete', /100%/],
    ['75% at Q3 of a one-year task is on track', { period: q3, ...year, percent: 75 }, 'on_track', 'onLine', /时间已过75%/],
    ['90% at Q3 is ahead', { period: q3, ...year, percent: 90 }, 'ahead', 'onLine', /完成进度90%/],
    ['40% at Q3 is behind', { period: q3, ...year, percent: 40 }, 'behind', 'onLine', /时间已过75%/],
    ['past the deadline and unfinished is behind', { period: q1y26, ...year, percent: 80 }, 'behind', 'overdue', /2025年12月31日已过/],
    ['长期坚持 is ongoing', { period: q3, deadlineText: '长期坚持' }, 'ongoing', 'ongoing', /长期坚持/],
    ['no deadline and no percent, no judgement', { period: q3 }, undefined, 'noDeadlineNoPercent', /没有明确的完成时限/],
    ['no percent, no judgement', { period: q3, ...year }, undefined, 'noPercent', /请先填写完成进度/],
    ['no deadline, 40% is on track', { period: q3, percent: 40 }, 'on_track', 'noDeadline', /按序时推进看待/],
    ['a three-year plan started in 2025, 30% at Q4 2025 is on track', { period: q4, deadline: '2027-12-31', start: '2025-01-01', percent: 30 }, 'on_track', 'onLine', /时间已过33%/],
    ['not yet begun', { period: q3, deadline: '2027-12-31', start: '2026-01-01', percent: 0 }, 'not_started', 'notYetStarted', /尚未到开始时间/],
    ['0% late in the period is behind', { period: q4, ...year, percent: 0 }, 'behind', 'zeroPercent', /尚未启动/],
  ];
  it.each(cases)('%s', (_name, input, status, kind, reason) => {
    const s = suggestStatus(input);
    expect(s.status).toBe(status);
    // The reason is data (its kind and figures); the words come from the one wording function.
    expect(s.why.kind).toBe(kind);
    expect(s.reason).toBe(statusReasonText(s.status, s.why));
    expect(s.reason).toMatch(reason);
  });

  it('judges a target on its straight line when the actual value is known', () => {
    // 研发平台突破1500家 by the end of 2027 from 1200 at the end of 2024 (the line, read at the
    // end of 2025 Q3, a quarter of the way: 1275) — judgePace, the indicators' one rule.
    const target = { name: '研发平台', unit: '家', value: 1500, year: 2027, baseline: 1200, baselineYear: 2024 };
    expect(suggestStatus({ period: q3, target, actual: 1290 }).status).toBe('on_track');
    expect(suggestStatus({ period: q3, target, actual: 1240 }).status).toBe('behind');
    expect(suggestStatus({ period: q3, target, actual: 1420 }).status).toBe('ahead');
    expect(suggestStatus({ period: q3, target, actual: 1500 }).status).toBe('done');
    expect(suggestStatus({ period: q3, target, actual: 1290 }).reason).toMatch(/到本期末应达到约1275家，研发平台实际1290家/);
  });
});

describe('status words a unit writes (statusFromLabel)', () => {
  it.each<[string, TaskStatus | undefined]>([
    ['序时推进', 'on_track'],
    [' 已 完成 ', 'done'],
    ['已完成', 'done'],
    ['完成', 'done'],
    ['已达标', 'done'],
    ['序时', 'on_track'],
    ['超序时', 'ahead'],
    ['长期', 'ongoing'],
    ['done', 'done'],
    ['推进中', undefined],
    ['正常推进', undefined],
    ['差不多', undefined],
  ])('%j → %s', (word, status) => {
    expect(statusFromLabel(word)).toBe(status);
  });
});
