/**
 * Relevance of a task to the officer's district // 与本区相关 and the cluster membership rule,
 * both defined once in core (core/policy/relevance.ts, core/policy/clusters.ts).
 */
export { taskRelevance } from '@core/policy/relevance';
export { clusterMatches, clusterMembership, clusterKeyword } from '@core/policy/clusters';
