import { z } from 'zod';
import { AvailabilitySchema, IsoDateSchema, LanguageSchema, TimeSchema } from './common.schema';
import { ContactInputSchema, OrganisationInputSchema } from './organisation.schema';
import { PlaceFormatSchema } from './place.schema';
import { ProgrammeKindSchema } from './programme.schema';

/**
 * The format of resources/demo/*.json: one programme with everything in it, organisations and
 * people referred to by name and e-mail instead of ids.
 */
export const DemoProgrammeSchema = z.object({
  programme: z.object({
    name: z.string().min(1),
    kind: ProgrammeKindSchema,
    languages: z.array(LanguageSchema).min(1),
    requiredHours: z.number().positive().nullable().optional(),
    maxChoices: z.number().int().min(1).optional(),
    minPlacesPerHost: z.number().int().min(1).nullable().optional(),
    maxPlacementsPerParticipant: z.number().int().min(1).optional(),
    description: z.string().optional(),
    earlyBirdOpens: IsoDateSchema.nullable().optional(),
    earlyBirdCloses: IsoDateSchema.nullable().optional(),
    registrationOpens: IsoDateSchema.nullable().optional(),
    registrationCloses: IsoDateSchema.nullable().optional(),
    exchangeStarts: IsoDateSchema.nullable().optional(),
    exchangeEnds: IsoDateSchema.nullable().optional(),
  }),
  rounds: z.array(z.object({ name: z.string().min(1), registrationOpens: IsoDateSchema.nullable(), registrationCloses: IsoDateSchema.nullable(), exchangeStarts: IsoDateSchema.nullable(), exchangeEnds: IsoDateSchema.nullable() })).default([]),
  theme: z
    .object({
      name: z.string().min(1),
      framework: z.string().default(''),
      description: z.string().default(''),
      areas: z.array(z.object({ title: z.string().min(1), indicators: z.array(z.string().min(1)) })),
    })
    .nullable()
    .default(null),
  organisations: z.array(
    OrganisationInputSchema.extend({
      programmeRole: z.enum(['sends', 'hosts', 'both']),
      activationCode: z.string().nullable().default(null),
      contacts: z.array(ContactInputSchema.omit({ organisationId: true })).default([]),
      places: z
        .array(
          z.object({
            team: z.string().min(1),
            format: PlaceFormatSchema,
            hours: z.number().positive().nullable().default(null),
            capacity: z.number().int().positive(),
            languages: z.array(LanguageSchema).default(['nl']),
            description: z.string().default(''),
            availability: AvailabilitySchema.default([]),
            mentorEmail: z.string().nullable().default(null),
            round: z.string().nullable().default(null),
          }),
        )
        .default([]),
    }),
  ),
  people: z.array(
    z.object({
      firstName: z.string().min(1),
      lastName: z.string(),
      email: z.string().email(),
      phone: z.string().nullable().default(null),
      language: LanguageSchema.default('nl'),
      organisation: z.string().min(1),
      functionTitle: z.string().nullable().default(null),
      network: z.string().nullable().default(null),
      isParticipant: z.boolean().default(false),
      isMentor: z.boolean().default(false),
      learningQuestions: z.string().default(''),
      availability: AvailabilitySchema.default([]),
      mentorCapacity: z.number().int().positive().nullable().default(null),
    }),
  ),
  applications: z
    .array(
      z.object({
        email: z.string().email(),
        round: z.string().nullable().default(null),
        submittedAt: z.string(),
        priorityTier: z.number().int().min(0).default(1),
        isEarlyBird: z.boolean().default(false),
        activationCode: z.string().nullable().default(null),
        choices: z.array(z.string().min(1)),
      }),
    )
    .default([]),
  sessions: z
    .array(
      z.object({
        kind: z.enum(['preparation', 'debrief', 'intervision']),
        title: z.string().min(1),
        date: IsoDateSchema,
        startTime: TimeSchema,
        endTime: TimeSchema,
        location: z.string(),
        audienceNetwork: z.string().nullable().default(null),
        audienceRoles: z.enum(['participants', 'mentors', 'both']).default('both'),
        capacity: z.number().int().positive().nullable().default(null),
      }),
    )
    .default([]),
});
export type DemoProgramme = z.infer<typeof DemoProgrammeSchema>;
