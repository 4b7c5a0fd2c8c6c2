import { z } from 'zod';

export const BackupFileSchema = z.object({
  file: z.string(),
  name: z.string(),
  createdAt: z.string(),
  reason: z.string(),
  sizeBytes: z.number().int(),
});
export type BackupFileInfo = z.infer<typeof BackupFileSchema>;

export const RestoreResultSchema = z.object({ restored: z.string(), previousStateKeptAt: z.string().nullable() });
