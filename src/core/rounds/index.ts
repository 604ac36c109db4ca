/** Collection rounds // 下发与回收: units, assignments, round workbooks, returns and merges. */
export * from './units';
export * from './assignments';
export * from './round';
export * from './sheet-layout';
export * from './plan-return';
export * from './texts';
export * from './board';
export * from './city';
