export * from './accounts';
export * from './errors';
export * from './relay';
export * from './sync';
