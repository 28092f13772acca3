/** Replication (docs/spec/replication.md): the catalogue, the sources of replications, KON-10, the counts and their views. */
export * from './model';
export { buildReplication, opdOf } from './build';
export * from './views';
export * from './feedback';
