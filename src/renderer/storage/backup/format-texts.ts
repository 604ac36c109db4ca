/**
 * Fixed words of the backup file format: written into every backup file and compared when one is
 * read, so they are format vocabulary, not wording to polish. Never change without a new format version.
 */

/** Persisted: the `app` of every backup file. */
export const APP_NAME = '区级科创任务台账';
