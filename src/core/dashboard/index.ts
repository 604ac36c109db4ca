/** The 工作台 numbers: status distribution, completion by document, indicator 序时, overdue and not-filled lists, history. */
export * from './build-dashboard';
export * from '../indicators/pace';
export * from './progress-summary';
