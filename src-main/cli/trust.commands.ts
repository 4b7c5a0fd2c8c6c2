import { z } from 'zod';
import { previewRetention, purgeRetention } from '../services/retention.service';
import { define, type CommandSpec } from './commands';

/** The trust commands of the CLI (merged into the command table in command-table.ts). */
export const trustCommands: Record<string, CommandSpec> = {
  'retention purge': define({
    summary: 'Purge personal data of programmes whose retention period has passed: [--programme ID] [--apply]. Without --apply: a dry run.',
    usage: 'Usage: retention purge [--programme ID] [--apply]',
    options: { programme: { type: 'string' }, apply: { type: 'boolean' } },
    args: z
      .object({
        programme: z.string().regex(/^\d+$/, '--programme takes the number of a programme').transform(Number).optional(),
        apply: z.boolean().optional(),
        positionals: z.array(z.string()).max(0, 'unexpected argument'),
      })
      .passthrough(),
    run: async (ctx, a) => {
      const scope = a.programme === undefined ? {} : { programmeId: a.programme };
      const preview = await previewRetention(ctx, scope);
      const expired = preview.programmes.filter((p) => p.status === 'expired');
      if (!a.apply) {
        const lines = [
          `Dry run (as of ${preview.asOf}): ${expired.length} programme(s) past their retention period.`,
          ...preview.programmes.map((p) => `  ${String(p.programmeId).padStart(4)}  ${p.status.padEnd(11)} ${p.name}${p.keptUntil ? ` (kept until ${p.keptUntil})` : ''}`),
          `Would erase ${preview.total.peopleToErase} people, unlink ${preview.total.peopleToUnlink}, remove ${preview.total.applications} applications and ${preview.total.placements} placements. Add --apply to purge.`,
        ];
        return { json: { dryRun: true, ...preview }, text: lines.join('\n') };
      }
      const r = await purgeRetention(ctx, scope);
      return {
        json: { dryRun: false, ...r },
        text: r.purgedProgrammeIds.length === 0 ? 'Nothing to purge: no programme is past its retention period.' : `Purged ${r.purgedProgrammeIds.length} programme(s): ${r.erased} people erased, ${r.unlinked} unlinked, ${r.applicationsRemoved} applications and ${r.placementsRemoved} placements removed; ${r.backupsCleaned} backups cleaned.`,
      };
    },
  }),
};
