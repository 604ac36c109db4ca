/** Municipal reports: kinds, placeholders and template check, report rows and the pre-export check. */
export * from './kinds';
export * from './placeholders';
export * from './rows';
export * from './layout';
export * from './formula';
