export * from './types';
export * from './validate';
export * from './csv';
export * from './merge';
export * from './issues';
export * from './notice';
