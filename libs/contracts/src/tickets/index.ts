export * from './ticket-vocabulary';
