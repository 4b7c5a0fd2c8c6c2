import { z } from 'zod';
import { AvailabilitySchema, EmailSchema, IdSchema, LanguageSchema, NameSchema, TextSchema } from './common.schema';

const personFields = {
  firstName: NameSchema,
  lastName: z.string().trim().max(200).default(''),
  email: EmailSchema.nullable().default(null),
  /** Stored in international form (E.164) by the services; free text is normalised on the way in. */
  phone: z.string().trim().max(40).nullable().default(null),
  language: LanguageSchema.default('nl'),
  organisationId: IdSchema.nullable().default(null),
  functionTitle: z.string().trim().max(200).nullable().default(null),
  network: z.string().trim().max(200).nullable().default(null),
  isParticipant: z.boolean().default(false),
  isMentor: z.boolean().default(false),
  learningQuestions: TextSchema.default(''),
  availability: AvailabilitySchema.default([]),
  /** How many participants a mentor takes at once. */
  mentorCapacity: z.number().int().min(1).max(50).nullable().default(null),
  notes: TextSchema.default(''),
};

export const PersonInputSchema = z
  .object(personFields)
  .strict()
  .refine((p) => p.isParticipant || p.isMentor, {
    message: 'A person is a participant, a mentor or both.',
    path: ['isParticipant'],
  });
export type PersonInput = z.input<typeof PersonInputSchema>;
export type PersonCreate = z.output<typeof PersonInputSchema>;

export const PersonSchema = z.object({
  id: IdSchema,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  language: LanguageSchema,
  organisationId: IdSchema.nullable(),
  functionTitle: z.string().nullable(),
  network: z.string().nullable(),
  isParticipant: z.boolean(),
  isMentor: z.boolean(),
  learningQuestions: z.string(),
  availability: AvailabilitySchema,
  mentorCapacity: z.number().int().nullable(),
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof PersonSchema>;

/** A person as listed, with the name of their own organisation. */
export const PersonListItemSchema = PersonSchema.extend({ organisationName: z.string().nullable() });
export type PersonListItem = z.infer<typeof PersonListItemSchema>;

export const PersonUpdateSchema = z.object({ id: IdSchema, patch: z.object(personFields).partial().strict() });
export type PersonUpdate = z.infer<typeof PersonUpdateSchema>;

export const PersonListSchema = z
  .object({
    search: z.string().max(200).optional(),
    role: z.enum(['participant', 'mentor', 'all']).default('all'),
    organisationId: IdSchema.optional(),
  })
  .strict();
