/** Import planning // 导入更新: find the table, map the columns, match, diff, plan. Pure. */
export * from './types';
export * from './normalize';
export * from './messages';
export * from './find-table';
export * from './plan-import';
export * from './list-scope';
export * from './plan-sheet';
export * from './plan-summary';
