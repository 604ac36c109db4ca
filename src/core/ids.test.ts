import { describe, expect, it } from 'vitest';
import {
  assignmentId,
  clusterIndicatorId,
  clusterIndicatorValueId,
  clusterProgressId,
  documentIdFor,
  manualClusterId,
  periodLockId,
  periodSummaryId,
  progressId,
  submissionId,
  submissionSetId,
} from './ids';
import { progressId as modelProgressId } from './model';

// Persisted formats: a row here changing means every stored record needs a migration.
describe('persisted ids', () => {
  it.each([
    ['progress entry', progressId('汉阳区', '2023GZYD-01', '2025-Q3'), '汉阳区|2023GZYD-01|2025-Q3'],
    ['cluster indicator value', clusterIndicatorValueId('ci-1', '2025-Q3'), 'ci-1|2025-Q3'],
    ['cluster progress', clusterProgressId('cluster-汉阳区-工程设计', '2025-Q3'), 'cluster-汉阳区-工程设计|2025-Q3'],
    ['工作台 summary row', periodSummaryId('汉阳区', '2025-Q3'), '汉阳区|2025-Q3'],
    ['period lock (audit entity)', periodLockId('汉阳区', '2025-Q3'), '汉阳区|2025-Q3'],
    ['assignment', assignmentId('汉阳区', '2023GZYD-01'), '汉阳区|2023GZYD-01'],
    ['submission', submissionId('汉阳区', '2025-Q3', 'tasks', '2025-10-08T01:00:00.000Z'), '汉阳区|2025-Q3|tasks|2025-10-08T01:00:00.000Z'],
    ['报送 set', submissionSetId('汉阳区', '2025-Q3', '2025-10-08T01:00:00.000Z'), '汉阳区|2025-Q3|set|2025-10-08T01:00:00.000Z'],
    ['document', documentIdFor('2024KJCX'), 'doc-2024KJCX'],
    ['manual cluster', manualClusterId(1_700_000_000_000, 0.123456), 'cl-manual-loyw3v284fzy'],
    ['cluster indicator', clusterIndicatorId(1_700_000_000_000, 0.123456), 'ci-loyw3v284fzy'],
  ])('%s', (_what, id, expected) => {
    expect(id).toBe(expected);
  });

  it('the model exports the same progress id builder', () => {
    expect(modelProgressId).toBe(progressId);
  });

  it('ids added by hand differ from one moment to the next', () => {
    expect(manualClusterId()).not.toBe(manualClusterId(Date.now() + 1));
    expect(clusterIndicatorId()).toMatch(/^ci-[0-9a-z]+$/);
  });
});
