/**
 * FROZEN upgrade of schema step 5 (taskHeads), as published. Never edit, never import live
 * code here: a published step must upgrade an old store the same way forever (the live
 * middleware in task-heads.ts keeps new writes in step). Only `dexie` types may be imported.
 */
import type { Transaction } from 'dexie';

/** Step 5: one head per stored task, the task without its text. */
export async function upgradeV5TaskHeads(tx: Transaction): Promise<void> {
  const tasks = (await tx.table('tasks').toArray()) as Record<string, unknown>[];
  const heads = tasks.map((t) => {
    const { text: _text, ...head } = t;
    return head;
  });
  await tx.table('taskHeads').bulkPut(heads);
}
