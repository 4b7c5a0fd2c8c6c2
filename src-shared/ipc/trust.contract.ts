import { RetentionPreviewSchema, RetentionPurgeResultSchema, RetentionScopeSchema } from '../schemas/retention.schema';

/**
 * The trust channels of the IPC contract (retention). Merged into the one contract object in
 * contract.ts; every channel is still declared exactly once.
 */
export const trustContract = {
  /** Which programmes' retention period has passed and what a purge would remove; writes nothing. */
  'retention.preview': { input: RetentionScopeSchema, output: RetentionPreviewSchema },
  /** Purge the personal data of expired programmes (one, or all), from the database and every backup. */
  'retention.purge': { input: RetentionScopeSchema, output: RetentionPurgeResultSchema },
} as const;
