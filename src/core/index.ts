/** The pure domain: model, districts and rules. Imports nothing outside src/core. */
export * from './model';
export * from './districts';
export * from './period';
export * from './fields';
export * from './unit-names';
export * from './closure';
