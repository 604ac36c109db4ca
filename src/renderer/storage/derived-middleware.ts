/**
 * A table kept in step with another by a DBCore middleware (progressSummary with progress,
 * taskHeads with tasks): every read-write transaction on the source also takes the derived
 * table, and the source's writes go through `wrap`, which writes the derived rows in the same
 * transaction. Installed only when the schema has the derived table (older steps in the tests).
 */
import type { DBCore, DBCoreTable, Middleware } from 'dexie';

export function derivedTableMiddleware(name: string, source: string, derived: string, wrap: (down: DBCore, table: DBCoreTable) => DBCoreTable): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name,
    create: (down) => {
      if (!down.schema.tables.some((t) => t.name === derived)) return down;
      return {
        ...down,
        transaction: (stores, mode, options) =>
          mode === 'readwrite' && stores.includes(source) && !stores.includes(derived) ? down.transaction([...stores, derived], mode, options) : down.transaction(stores, mode, options),
        table: (table) => (table === source ? wrap(down, down.table(table)) : down.table(table)),
      };
    },
  };
}
