export * from './designator';
export * from './grouping';
export * from './merge';
export * from './types';
export * from './update';
