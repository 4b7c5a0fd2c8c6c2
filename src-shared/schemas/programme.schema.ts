import { z } from 'zod';
import { IdSchema, IsoDateSchema, LanguageSchema, NameSchema, TextSchema } from './common.schema';

export const PROGRAMME_KINDS = ['kijkstage', 'jobshadowing', 'exchange_round'] as const;
export const ProgrammeKindSchema = z.enum(PROGRAMME_KINDS);
export type ProgrammeKind = z.infer<typeof ProgrammeKindSchema>;

/** Hours a jobshadower commits to when the programme does not say otherwise (Switching Talent). */
export const DEFAULT_JOBSHADOWING_HOURS = 14;
export const DEFAULT_MAX_CHOICES = 3;
/** KIEK: every participating organisation offers at least five exchange places. */
export const KIEK_MIN_PLACES = 5;

const dateOrNull = IsoDateSchema.nullable();

/** Date windows shared by a programme and its rounds. */
export const WindowsSchema = z.object({
  earlyBirdOpens: dateOrNull,
  earlyBirdCloses: dateOrNull,
  registrationOpens: dateOrNull,
  registrationCloses: dateOrNull,
  exchangeStarts: dateOrNull,
  exchangeEnds: dateOrNull,
});

function windowsAreOrdered(w: z.infer<typeof WindowsSchema>): boolean {
  const pairs: [string | null, string | null][] = [
    [w.earlyBirdOpens, w.earlyBirdCloses],
    [w.registrationOpens, w.registrationCloses],
    [w.exchangeStarts, w.exchangeEnds],
  ];
  return pairs.every(([a, b]) => a === null || b === null || a <= b);
}
const WINDOW_MESSAGE = 'A window must close on or after the day it opens.';

export const ProgrammeInputSchema = z
  .object({
    name: NameSchema,
    kind: ProgrammeKindSchema,
    languages: z.array(LanguageSchema).min(1).default(['nl']),
    requiredHours: z.number().positive().max(2000).nullable().default(null),
    maxChoices: z.number().int().min(1).max(10).default(DEFAULT_MAX_CHOICES),
    minPlacesPerHost: z.number().int().min(1).max(1000).nullable().default(null),
    maxPlacementsPerParticipant: z.number().int().min(1).max(20).default(1),
    retentionMonths: z.number().int().min(1).max(240).nullable().default(null),
    description: TextSchema.default(''),
    earlyBirdOpens: dateOrNull.default(null),
    earlyBirdCloses: dateOrNull.default(null),
    registrationOpens: dateOrNull.default(null),
    registrationCloses: dateOrNull.default(null),
    exchangeStarts: dateOrNull.default(null),
    exchangeEnds: dateOrNull.default(null),
    themeId: IdSchema.nullable().default(null),
  })
  .strict()
  .refine(windowsAreOrdered, { message: WINDOW_MESSAGE })
  .transform((p) => ({
    ...p,
    requiredHours: p.requiredHours ?? (p.kind === 'jobshadowing' ? DEFAULT_JOBSHADOWING_HOURS : null),
  }));
export type ProgrammeInput = z.input<typeof ProgrammeInputSchema>;
export type ProgrammeCreate = z.output<typeof ProgrammeInputSchema>;

export const ProgrammeSchema = z.object({
  id: IdSchema,
  name: z.string(),
  kind: ProgrammeKindSchema,
  languages: z.array(LanguageSchema),
  requiredHours: z.number().nullable(),
  maxChoices: z.number().int(),
  minPlacesPerHost: z.number().int().nullable(),
  maxPlacementsPerParticipant: z.number().int(),
  retentionMonths: z.number().int().nullable(),
  description: z.string(),
  earlyBirdOpens: z.string().nullable(),
  earlyBirdCloses: z.string().nullable(),
  registrationOpens: z.string().nullable(),
  registrationCloses: z.string().nullable(),
  exchangeStarts: z.string().nullable(),
  exchangeEnds: z.string().nullable(),
  themeId: IdSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Programme = z.infer<typeof ProgrammeSchema>;

export const ProgrammeUpdateSchema = z.object({
  id: IdSchema,
  patch: z
    .object({
      name: NameSchema,
      languages: z.array(LanguageSchema).min(1),
      requiredHours: z.number().positive().max(2000).nullable(),
      maxChoices: z.number().int().min(1).max(10),
      minPlacesPerHost: z.number().int().min(1).max(1000).nullable(),
      maxPlacementsPerParticipant: z.number().int().min(1).max(20),
      retentionMonths: z.number().int().min(1).max(240).nullable(),
      description: TextSchema,
      earlyBirdOpens: dateOrNull,
      earlyBirdCloses: dateOrNull,
      registrationOpens: dateOrNull,
      registrationCloses: dateOrNull,
      exchangeStarts: dateOrNull,
      exchangeEnds: dateOrNull,
      themeId: IdSchema.nullable(),
    })
    .partial()
    .strict(),
});
export type ProgrammeUpdate = z.infer<typeof ProgrammeUpdateSchema>;

export const RoundInputSchema = WindowsSchema.partial()
  .extend({ programmeId: IdSchema, name: NameSchema })
  .strict();
export type RoundInput = z.infer<typeof RoundInputSchema>;
export const RoundSchema = WindowsSchema.extend({ id: IdSchema, programmeId: IdSchema, name: z.string() });
export type Round = z.infer<typeof RoundSchema>;

/** A theme with its reference framework: attention areas, each with indicators the shadower observes. */
export const ThemeInputSchema = z
  .object({
    name: NameSchema,
    framework: z.string().max(200).default(''),
    description: TextSchema.default(''),
    areas: z
      .array(z.object({ title: NameSchema, indicators: z.array(z.string().trim().min(1).max(1000)).max(50) }))
      .max(50)
      .default([]),
  })
  .strict();
export type ThemeInput = z.input<typeof ThemeInputSchema>;
export const ThemeSchema = z.object({
  id: IdSchema,
  name: z.string(),
  framework: z.string(),
  description: z.string(),
  areas: z.array(z.object({ id: IdSchema, title: z.string(), indicators: z.array(z.string()) })),
});
export type Theme = z.infer<typeof ThemeSchema>;
