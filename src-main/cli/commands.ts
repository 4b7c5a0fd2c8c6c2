import { z } from 'zod';
import { ProgrammeInputSchema, PROGRAMME_KINDS } from '../../src-shared/schemas/programme.schema';
import type { OpenedDb } from '../db/connection';
import type { ServiceContext } from '../services/context';
import * as programmes from '../services/programme.service';
import { loadDemo } from '../services/demo.service';
import { backupNow, listBackups, restoreDatabaseFile } from '../services/backup.service';
import { openServiceContext } from '../services/open-context';
import { erasePerson, exportPerson } from '../services/person-data.service';
import { publishScenario, runScenario } from '../services/matching.service';

export interface CommandResult {
  /** Fields merged into `{ ok: true, ... }` for --json. */
  json: Record<string, unknown>;
  /** What a person reads without --json. */
  text: string;
}

export interface CommandSpec {
  summary: string;
  usage: string;
  options?: Record<string, { type: 'string' | 'boolean' }>;
  /** Validates the parsed options (strings as typed) and positionals. */
  args: z.ZodType;
  run: (ctx: ServiceContext, args: never, opened: OpenedDb) => Promise<CommandResult>;
  /** Commands that must work when the database does not open (restore) run without a context. */
  runWithoutDb?: (env: { dbPath: string; now: () => Date; resourcesDir: string }, args: never) => Promise<CommandResult>;
}

const numberText = (label: string) =>
  z
    .string()
    .regex(/^\d+(\.\d+)?$/, `${label} must be a number`)
    .transform(Number);

/** CLI kinds are written with a hyphen (exchange-round); the database uses exchange_round. */
const KindArg = z
  .string()
  .transform((k) => k.replace(/-/g, '_'))
  .pipe(z.enum(PROGRAMME_KINDS, { message: 'kind must be kijkstage, jobshadowing or exchange-round' }));

export function define<A extends z.ZodType>(
  spec: Omit<CommandSpec, 'args' | 'run' | 'runWithoutDb'> & {
    args: A;
    run: (ctx: ServiceContext, args: z.output<A>, opened: OpenedDb) => Promise<CommandResult>;
    runWithoutDb?: (env: { dbPath: string; now: () => Date; resourcesDir: string }, args: z.output<A>) => Promise<CommandResult>;
  },
): CommandSpec {
  return spec as unknown as CommandSpec;
}

export const coreCommands: Record<string, CommandSpec> = {
  'db init': define({
    summary: 'Create or update the database file.',
    usage: 'Usage: db init',
    args: z.object({ positionals: z.array(z.string()).max(0, 'db init takes no arguments') }).passthrough(),
    run: async (ctx, _args, opened) => ({
      json: { dbPath: ctx.dbPath, schemaVersion: opened.schemaVersion, preMigrationBackup: opened.preMigrationBackup },
      text: `Database ready at ${ctx.dbPath} (schema version ${opened.schemaVersion}).`,
    }),
  }),
  'programme create': define({
    summary: 'Create a programme: --name N --kind kijkstage|jobshadowing|exchange-round [--hours H] [--max-choices C]',
    usage: 'Usage: programme create --name N --kind kijkstage|jobshadowing|exchange-round [--hours H] [--max-choices C]',
    options: { name: { type: 'string' }, kind: { type: 'string' }, hours: { type: 'string' }, 'max-choices': { type: 'string' } },
    args: z
      .object({
        name: z.string({ message: 'give the programme a name with --name' }),
        kind: KindArg.optional().refine((k) => k !== undefined, 'give the kind with --kind'),
        hours: numberText('--hours').optional(),
        'max-choices': numberText('--max-choices').optional(),
        positionals: z.array(z.string()).max(0, 'unexpected argument'),
      })
      .passthrough(),
    run: async (ctx, a) => {
      const input = ProgrammeInputSchema.parse({
        name: a.name,
        kind: a.kind,
        ...(a.hours !== undefined ? { requiredHours: a.hours } : {}),
        ...(a['max-choices'] !== undefined ? { maxChoices: a['max-choices'] } : {}),
      });
      const p = await programmes.createProgramme(ctx, input);
      return { json: { ...p }, text: `Created programme ${p.id}: ${p.name} (${p.kind}).` };
    },
  }),
  'programme list': define({
    summary: 'List the programmes.',
    usage: 'Usage: programme list',
    args: z.object({ positionals: z.array(z.string()).max(0, 'unexpected argument') }).passthrough(),
    run: async (ctx) => {
      const list = await programmes.listProgrammes(ctx);
      return {
        json: { programmes: list },
        text: list.length === 0 ? 'No programmes yet.' : list.map((p) => `${String(p.id).padStart(4)}  ${p.kind.padEnd(15)} ${p.name}`).join('\n'),
      };
    },
  }),
  'demo load': define({
    summary: 'Load the demo programmes (one of each kind). Loading twice changes nothing.',
    usage: 'Usage: demo load',
    args: z.object({ positionals: z.array(z.string()).max(0, 'unexpected argument') }).passthrough(),
    run: async (ctx) => {
      const r = await loadDemo(ctx);
      return {
        json: { ...r },
        text: r.isAlreadyLoaded
          ? 'The demo was already loaded; nothing changed.'
          : `Loaded ${r.programmes.length} demo programmes: ${r.organisations} organisations, ${r.people} people, ${r.places} places, ${r.applications} applications.`,
      };
    },
  }),
  backup: define({
    summary: 'Back the database up: --out FILE (a consistent copy, taken while in use).',
    usage: 'Usage: backup --out FILE',
    options: { out: { type: 'string' } },
    args: z.object({ out: z.string({ message: 'give the file to write with --out' }).min(1), positionals: z.array(z.string()).max(0, 'unexpected argument') }).passthrough(),
    run: async (ctx, a) => {
      const b = await backupNow(ctx, 'manual', a.out);
      return { json: { file: b.file, sizeBytes: b.sizeBytes, createdAt: b.createdAt }, text: `Backup written to ${b.file}.` };
    },
  }),
  'backup list': define({
    summary: 'List the automatic and manual backups in the app\'s backup folder.',
    usage: 'Usage: backup list',
    args: z.object({ positionals: z.array(z.string()).max(0, 'unexpected argument') }).passthrough(),
    run: async (ctx) => {
      const list = listBackups(ctx);
      return { json: { backups: list }, text: list.length === 0 ? 'No backups yet.' : list.map((b) => `${b.createdAt}  ${b.reason.padEnd(18)} ${b.file}`).join('\n') };
    },
  }),
  restore: define({
    summary: 'Restore a backup FILE; the current state is kept as a backup first.',
    usage: 'Usage: restore FILE',
    args: z.object({ positionals: z.array(z.string()).length(1, 'give the backup file to restore') }).passthrough(),
    run: async () => {
      throw new Error('restore runs without opening the database first');
    },
    runWithoutDb: async (env, a) => {
      const open = () => openServiceContext({ file: env.dbPath, now: env.now, actor: 'cli', resourcesDir: env.resourcesDir, version: '' });
      const r = await restoreDatabaseFile(env.dbPath, a.positionals[0] as string, open, env.now);
      const kept = r.previousStateKeptAt ? ` The state before the restore is kept in ${r.previousStateKeptAt}.` : '';
      return { json: { ...r }, text: `Restored ${r.restored}.${kept}` };
    },
  }),
  'person export': define({
    summary: 'Export everything about one person: --email E --out FILE (.json or .xlsx).',
    usage: 'Usage: person export --email E --out FILE.json|FILE.xlsx',
    options: { email: { type: 'string' }, out: { type: 'string' } },
    args: z.object({ email: z.string({ message: 'give the e-mail address with --email' }), out: z.string({ message: 'give the file to write with --out' }), positionals: z.array(z.string()).max(0, 'unexpected argument') }).passthrough(),
    run: async (ctx, a) => {
      const r = await exportPerson(ctx, a.email, a.out);
      return { json: { ...r }, text: `Wrote everything about ${a.email} to ${r.file}.` };
    },
  }),
  'person erase': define({
    summary: 'Erase one person everywhere, backups included: --email E.',
    usage: 'Usage: person erase --email E',
    options: { email: { type: 'string' } },
    args: z.object({ email: z.string({ message: 'give the e-mail address with --email' }), positionals: z.array(z.string()).max(0, 'unexpected argument') }).passthrough(),
    run: async (ctx, a) => {
      const r = await erasePerson(ctx, a.email);
      return { json: { ...r }, text: `Erased ${r.erased} from the database and from ${r.backupsCleaned} backups.` };
    },
  }),
  match: define({
    summary: 'Match participants to hosts: --programme ID --mode priority|optimal [--round ID] [--publish].',
    usage: 'Usage: match --programme ID --mode priority|optimal [--round ID] [--publish]',
    options: { programme: { type: 'string' }, mode: { type: 'string' }, round: { type: 'string' }, publish: { type: 'boolean' } },
    args: z
      .object({
        programme: z.string({ message: 'give the programme with --programme ID' }).regex(/^\d+$/, '--programme takes the number of a programme').transform(Number),
        mode: z.enum(['priority', 'optimal'], { message: '--mode must be priority or optimal' }),
        round: z.string().regex(/^\d+$/, '--round takes the number of a round').transform(Number).optional(),
        publish: z.boolean().optional(),
        positionals: z.array(z.string()).max(0, 'unexpected argument'),
      })
      .passthrough(),
    run: async (ctx, a) => {
      const s = await runScenario(ctx, { programmeId: a.programme, roundId: a.round ?? null, mode: a.mode });
      const published = a.publish ? await publishScenario(ctx, s.id) : null;
      const reasons = new Map(s.outcomes.map((o) => [o.applicationId, o]));
      const json = {
        scenarioId: s.id,
        mode: s.mode,
        applications: s.applications,
        placed: s.placed,
        unplacedCount: s.unplaced,
        byRank: s.byRank,
        assignments: s.assignments.map((x) => ({ participant: x.email ?? x.participantName, name: x.participantName, organisation: x.organisationName, place: x.placeName, mentor: x.mentorName, rank: x.rank, isPinned: x.isPinned })),
        unplaced: s.waitingList.map((w) => ({ participant: w.email ?? w.participantName, name: w.participantName, reasons: reasons.get(w.applicationId)?.reasons ?? [], text: reasons.get(w.applicationId)?.text.nl ?? '' })),
        notFirstChoice: s.outcomes.filter((o) => o.outcome === 'lower_choice').map((o) => ({ participant: o.email ?? o.participantName, rank: o.obtainedRank, text: o.text.nl })),
        reciprocity: s.reciprocity.filter((r) => r.sendsWithoutHosting || r.belowMinPlaces),
        published,
      };
      const ranks = Object.entries(s.byRank).map(([r, n]) => `choice ${r}: ${n}`).join(', ');
      const lines = [`Scenario ${s.id} (${s.mode}): ${s.placed} of ${s.applications} placed; ${ranks}; ${s.unplaced} unplaced.`];
      for (const u of json.unplaced.slice(0, 20)) lines.push(`  - ${u.name}: ${u.text}`);
      if (published) lines.push(`Published: ${plural(published.published, 'placement')} (${published.kept} pinned or confirmed kept).`);
      return { json, text: lines.join('\n') };
    },
  }),
};

/** "1 placement", "2 placements": the CLI's text output is English. */
function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
