export * from './correlate';
export * from './csv';
export * from './geometry';
export * from './parse';
export * from './sites';
export * from './timing';
export * from './types';
export * from './validate';
