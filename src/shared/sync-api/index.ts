export * from './accounts';
export * from './errors';
export * from './oauth';
export * from './relay';
export * from './sync';
