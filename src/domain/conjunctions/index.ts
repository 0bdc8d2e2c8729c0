export * from './bPlane';
export * from './kepler';
export * from './list';
export * from './maxPc';
export * from './records';
export * from './toCdm';
export * from './trajectory';
export * from './types';
