import { describe, expect, it } from 'vitest';
import { compareTasks } from './tasks';

describe('task order: document, then order within it', () => {
  it.each([
    ['same document, earlier order first', { documentId: 'doc-1', order: 2 }, { documentId: 'doc-1', order: 10 }, -1],
    ['same document, same order', { documentId: 'doc-1', order: 3 }, { documentId: 'doc-1', order: 3 }, 0],
    ['same document, later order last', { documentId: 'doc-1', order: 10 }, { documentId: 'doc-1', order: 2 }, 1],
    ['documents by id, whatever the order', { documentId: 'doc-1', order: 99 }, { documentId: 'doc-2', order: 1 }, -1],
    ['a later document last', { documentId: 'doc-2', order: 1 }, { documentId: 'doc-1', order: 99 }, 1],
  ] as const)('%s', (_name, a, b, sign) => {
    expect(Math.sign(compareTasks(a, b))).toBe(sign);
  });
});
