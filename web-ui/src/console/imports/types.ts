/*
 * The DMS import's API types, from the store-console OpenAPI document (see src/api/types.ts); the fields the service
 * sends as null until they are known are named here.
 */
import type { components as Console } from '../../api/generated/store-console';

type Schemas = Console['schemas'];
type Nullable<T, K extends keyof T> = Omit<T, K> & { [P in K]?: T[P] | null };

export type ImportSummary = Nullable<Schemas['ImportSummary'], 'startedAt' | 'finishedAt' | 'error'>;
export type RejectedRow = Nullable<Schemas['RejectedRow'], 'dmsNumber'>;
export type ImportView = { summary: ImportSummary; rejected: RejectedRow[] };
export type ImportStatus = ImportSummary['status'];
export type ImportKind = ImportSummary['kind'];
