export * from './alerts';
export * from './designator';
export * from './grouping';
export * from './merge';
export * from './status';
export * from './types';
export * from './update';
