import { z } from 'zod';
import { IdSchema } from '../schemas/common.schema';
import {
  ProgrammeInputSchema,
  ProgrammeSchema,
  ProgrammeUpdateSchema,
} from '../schemas/programme.schema';
import {
  ContactInputSchema,
  ContactSchema,
  ContactUpdateSchema,
  OrganisationInputSchema,
  OrganisationSchema,
  OrganisationUpdateSchema,
} from '../schemas/organisation.schema';
import { PlaceInputSchema, PlaceListSchema, PlaceSchema, PlaceUpdateSchema } from '../schemas/place.schema';
import {
  PersonInputSchema,
  PersonListItemSchema,
  PersonListSchema,
  PersonSchema,
  PersonUpdateSchema,
} from '../schemas/person.schema';
import { MatchingRunInputSchema, PlacementMoveSchema, PlacementViewSchema, PlaceOfferSchema, ScenarioSchema, ScenarioSummarySchema } from '../schemas/matching.schema';
import { plannerContract } from './planner.contract';
import { documentsContract } from './documents.contract';
import { importContract } from './import.contract';
import { trustContract } from './trust.contract';
import { BackupFileSchema, RestoreResultSchema } from '../schemas/backup.schema';
import { AppStatusSchema, DemoLoadResultSchema, ProgrammeSummarySchema } from '../schemas/app.schema';
import { ProgressEventSchema } from '../schemas/progress.schema';

const Empty = z.object({}).strict();
const ById = z.object({ id: IdSchema }).strict();
const Deleted = z.object({ id: IdSchema, deleted: z.literal(true) });
const Search = z.object({ search: z.string().max(200).optional() }).strict();

/**
 * Every IPC channel, once. Main registers a handler for each key (a missing one fails to compile),
 * the preload refuses any other channel, and the renderer derives its types from here.
 */
export const contract = {
  /** Version, where the data lives and whether the first-start choice (demo or empty) is still open. */
  'app.status': { input: Empty, output: AppStatusSchema },
  /** The coordinator chose to start with an empty database: do not offer the demo again. */
  'app.startEmpty': { input: Empty, output: AppStatusSchema },
  /** Load the demo programmes (one of each kind) from resources/demo. Loading twice changes nothing. */
  'demo.load': { input: Empty, output: DemoLoadResultSchema },

  /** All programmes, newest first. */
  'programme.list': { input: Empty, output: z.array(ProgrammeSchema) },
  /** One programme. */
  'programme.get': { input: ById, output: ProgrammeSchema },
  /** Counts of what a programme holds, for the dashboard. */
  'programme.summary': { input: ById, output: ProgrammeSummarySchema },
  /** Create a programme; kind-specific defaults (14 hours for jobshadowing) are applied. */
  'programme.create': { input: ProgrammeInputSchema, output: ProgrammeSchema },
  /** Change some fields of a programme. */
  'programme.update': { input: ProgrammeUpdateSchema, output: ProgrammeSchema },
  /** Delete a programme with its places, applications, placements and sessions. */
  'programme.delete': { input: ById, output: Deleted },

  /** Organisations, optionally filtered by a search over name, municipality and network. */
  'organisation.list': { input: Search, output: z.array(OrganisationSchema) },
  /** One organisation. */
  'organisation.get': { input: ById, output: OrganisationSchema },
  /** Create an organisation; names are unique regardless of case. */
  'organisation.create': { input: OrganisationInputSchema, output: OrganisationSchema },
  /** Change some fields of an organisation. */
  'organisation.update': { input: OrganisationUpdateSchema, output: OrganisationSchema },
  /** Delete an organisation that no person or place refers to. */
  'organisation.delete': { input: ById, output: Deleted },

  /** Contact persons (project leads, host contacts) of one organisation. */
  'contact.list': { input: z.object({ organisationId: IdSchema }).strict(), output: z.array(ContactSchema) },
  /** Add a contact person to an organisation. */
  'contact.create': { input: ContactInputSchema, output: ContactSchema },
  /** Change a contact person's name, role, e-mail, phone or language. */
  'contact.update': { input: ContactUpdateSchema, output: ContactSchema },
  /** Remove a contact person. */
  'contact.delete': { input: ById, output: Deleted },

  /** Places offered by hosts, per programme or per organisation. */
  'place.list': { input: PlaceListSchema, output: z.array(PlaceSchema) },
  /** Offer a place. */
  'place.create': { input: PlaceInputSchema, output: PlaceSchema },
  /** Change a place. */
  'place.update': { input: PlaceUpdateSchema, output: PlaceSchema },
  /** Withdraw a place that has no placements. */
  'place.delete': { input: ById, output: Deleted },

  /** Participants and mentors, with search and a role filter. */
  'person.list': { input: PersonListSchema, output: z.array(PersonListItemSchema) },
  /** One person. */
  'person.get': { input: ById, output: PersonSchema },
  /** Create a participant and/or mentor; e-mail addresses are unique. */
  'person.create': { input: PersonInputSchema, output: PersonSchema },
  /** Change some fields of a person. */
  'person.update': { input: PersonUpdateSchema, output: PersonSchema },
  /** Delete a person with their applications and placements. */
  'person.delete': { input: ById, output: Deleted },

  /** Run one matching mode as a scenario (nothing is published yet). */
  'matching.run': { input: MatchingRunInputSchema, output: ScenarioSchema },
  /** The scenarios of a programme, newest first, to compare side by side. */
  'matching.scenarios': { input: z.object({ programmeId: IdSchema }).strict(), output: z.array(ScenarioSummarySchema) },
  /** One scenario with assignments, explanations, fill per host and reciprocity. */
  'matching.scenario': { input: ById, output: ScenarioSchema },
  /** Publish a scenario as the programme's placements (pinned and confirmed ones stay). */
  'matching.publish': {
    input: z.object({ scenarioId: IdSchema }).strict(),
    output: z.object({ scenarioId: IdSchema, published: z.number().int(), kept: z.number().int(), removed: z.number().int() }),
  },
  /** The programme's current placements. */
  'placement.list': { input: z.object({ programmeId: IdSchema }).strict(), output: z.array(PlacementViewSchema) },
  /** Pin or unpin a placement so that it survives re-runs. */
  'placement.pin': { input: z.object({ id: IdSchema, isPinned: z.boolean() }).strict(), output: PlacementViewSchema },
  /** Move a participant by hand, checked against every rule; the result is pinned. */
  'placement.move': { input: PlacementMoveSchema, output: PlacementViewSchema },
  /** Cancel a placement; answers who on the waiting list should be offered the freed place. */
  'placement.cancel': { input: ById, output: z.object({ cancelled: IdSchema, offer: PlaceOfferSchema }) },

  /** The backups in the app's backup folder, newest first. */
  'backup.list': { input: Empty, output: z.array(BackupFileSchema) },
  /** "Back up now": a consistent copy in the backup folder. */
  'backup.create': { input: Empty, output: BackupFileSchema },
  /** Restore one backup from the list; the current state is kept as a backup first. */
  'backup.restore': { input: z.object({ name: z.string().regex(/^meeloop-[\w-]+\.db$/, 'Choose a backup from the list.') }).strict(), output: RestoreResultSchema },

  /** Ask the coordinator for a folder to write exports into (the system's folder dialog); null when cancelled. */
  'dialog.chooseFolder': {
    input: z.object({ purpose: z.enum(['documents', 'calendar', 'export'], { error: 'Unknown purpose for a folder.' }) }).strict(),
    output: z.object({ folder: z.string().nullable() }),
  },

  ...importContract,
  ...plannerContract,
  ...documentsContract,
  ...trustContract,
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller passes (defaults not yet applied). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (parsed, defaults applied). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events main may push to the renderer (`window.api.on`). The preload refuses any other name. */
export const EVENTS = ['data.changed', 'task.progress'] as const;
export type EventName = (typeof EVENTS)[number];

/**
 * The payload of each event, once: main emits `EventPayload<E>`, the renderer parses what arrives with
 * the same schema (a payload crossed a process boundary; it is checked, not trusted). A missing or
 * extra event fails to compile.
 */
export const eventPayloads = {
  /** Reserved: data changed behind the window's back (not sent yet); listeners reload what they show. */
  'data.changed': z.object({}),
  /** Progress of a long task run the window started (documents export, reading an import file). */
  'task.progress': ProgressEventSchema,
} as const satisfies Record<EventName, z.ZodType>;
export type EventPayload<E extends EventName> = z.output<(typeof eventPayloads)[E]>;

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENTS as readonly string[]).includes(name);
}
