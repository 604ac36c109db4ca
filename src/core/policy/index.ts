/** The policy-text parser, units, clusters and district relevance. */
export * from './types';
export * from './normalize';
export * from './units';
export * from './targets';
export * from './parse';
export * from './clusters';
export * from './relevance';
export * from './seed-data';
export * from './review';
export * from './trailers';
export * from './layouts';
export * from './issuer';
