import { z } from 'zod';
import { define, type CommandSpec } from './commands';
import { exportCalendars, plan } from '../services/planner.service';

const ProgrammeArg = z.string({ message: 'give the programme with --programme ID' }).regex(/^\d+$/, '--programme takes the number of a programme').transform(Number);
const NoPositionals = z.array(z.string()).max(0, 'unexpected argument');

/** The planner commands of the CLI (merged into the command table in command-table.ts). */
export const plannerCommands: Record<string, CommandSpec> = {
  plan: define({
    summary: 'Plan the shadow blocks of a programme: --programme ID [--apply] (without --apply nothing is written).',
    usage: 'Usage: plan --programme ID [--apply]',
    options: { programme: { type: 'string' }, apply: { type: 'boolean' } },
    args: z.object({ programme: ProgrammeArg, apply: z.boolean().optional(), positionals: NoPositionals }).passthrough(),
    run: async (ctx, a) => {
      const r = await plan(ctx, { programmeId: a.programme, apply: a.apply === true });
      const json = {
        programmeId: r.programmeId,
        isApplied: r.isApplied,
        country: r.country,
        regions: r.regions,
        holidays: r.holidays.length,
        placements: r.placements,
        fullyPlanned: r.fullyPlanned,
        missingHours: r.missingHours,
        proposedBlocks: r.proposedBlocks,
        replacedBlocks: r.replacedBlocks,
        sessionsAssigned: r.sessionsAssigned,
        problems: r.problems.map((p) => ({ participant: p.participantName, placementId: p.placementId, missingHours: p.missingHours, code: p.code, message: p.message })),
        conflicts: r.conflicts.map((c) => ({ rule: c.rule, blockId: c.blockId, otherBlockId: c.otherBlockId, sessionId: c.sessionId ?? null, participant: c.participantName, date: c.date, startTime: c.startTime, endTime: c.endTime, message: c.message, fix: c.fix })),
      };
      const lines = [
        r.placements === 0
          ? 'This programme has no placements yet: publish a matching first (match --programme ID --mode optimal --publish).'
          : `${r.fullyPlanned} of ${r.placements} placements fully planned; ${r.missingHours} hour(s) missing; ${r.proposedBlocks} new block(s) (holidays: ${r.country}${r.regions.length > 0 ? ` ${r.regions.join(', ')}` : ''}).`,
        ...r.problems.slice(0, 20).map((p) => `  - ${p.participantName}: ${p.message}`),
        ...r.conflicts.slice(0, 20).map((c) => `  ! ${c.message} ${c.fix}`),
        r.isApplied ? 'Applied: the blocks are stored as proposals.' : 'Nothing was written. Add --apply to store these blocks.',
      ];
      return { json, text: lines.join('\n') };
    },
  }),
  'export calendar-ics': define({
    summary: 'Write .ics calendars (the programme and every participant and mentor): --programme ID --out DIR.',
    usage: 'Usage: export calendar-ics --programme ID --out DIR',
    options: { programme: { type: 'string' }, out: { type: 'string' } },
    args: z.object({ programme: ProgrammeArg, out: z.string({ message: 'give the folder to write to with --out DIR' }).min(1, 'give the folder to write to with --out DIR'), positionals: NoPositionals }).passthrough(),
    run: async (ctx, a) => {
      const r = await exportCalendars(ctx, { programmeId: a.programme, folder: a.out, scope: 'both' });
      return { json: { folder: r.folder, files: r.files }, text: [`Wrote ${r.files.length} calendar file(s) to ${r.folder}:`, ...r.files.map((f) => `  ${path(f.file)} (${f.events} events)`)].join('\n') };
    },
  }),
};

function path(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
