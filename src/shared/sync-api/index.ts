export * from './accounts';
export * from './errors';
export * from './sync';
