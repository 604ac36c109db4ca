/** Indicators // 指标: the one 序时 and completion rule, clean names and the district's view of the targets. */
export * from './pace';
export * from './names';
export * from './district';
export * from './breakdown';
