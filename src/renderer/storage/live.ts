/** Live queries for React: features subscribe to the store through this, never to dexie directly. */
export { useLiveQuery } from 'dexie-react-hooks';
export { getDb } from './db';
