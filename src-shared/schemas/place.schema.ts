import { z } from 'zod';
import { AvailabilitySchema, IdSchema, LanguageSchema, NameSchema, TextSchema } from './common.schema';

export const PLACE_FORMATS = ['half_day', 'day', 'day_part', 'hours'] as const;
export const PlaceFormatSchema = z.enum(PLACE_FORMATS);
export type PlaceFormat = z.infer<typeof PlaceFormatSchema>;

const placeFields = {
  programmeId: IdSchema,
  organisationId: IdSchema,
  roundId: IdSchema.nullable().default(null),
  team: NameSchema,
  format: PlaceFormatSchema.default('day'),
  hours: z.number().positive().max(2000).nullable().default(null),
  capacity: z.number().int('Capacity must be a whole number.').positive('Capacity must be at least 1.').max(1000),
  languages: z.array(LanguageSchema).default(['nl']),
  description: TextSchema.default(''),
  mentorId: IdSchema.nullable().default(null),
  availability: AvailabilitySchema.default([]),
};

/** What a host offers: a team or function, a format and a capacity. `hours` is required for the `hours` format. */
export const PlaceInputSchema = z
  .object(placeFields)
  .strict()
  .refine((p) => p.format !== 'hours' || p.hours !== null, {
    message: 'A place offered in hours needs the number of hours.',
    path: ['hours'],
  });
export type PlaceInput = z.input<typeof PlaceInputSchema>;
export type PlaceCreate = z.output<typeof PlaceInputSchema>;

export const PlaceSchema = z.object({
  id: IdSchema,
  programmeId: IdSchema,
  organisationId: IdSchema,
  roundId: IdSchema.nullable(),
  team: z.string(),
  format: PlaceFormatSchema,
  hours: z.number().nullable(),
  capacity: z.number().int(),
  languages: z.array(LanguageSchema),
  description: z.string(),
  mentorId: IdSchema.nullable(),
  availability: AvailabilitySchema,
});
export type Place = z.infer<typeof PlaceSchema>;

const { programmeId: _p, organisationId: _o, ...patchable } = placeFields;
export const PlaceUpdateSchema = z.object({ id: IdSchema, patch: z.object(patchable).partial().strict() });
export type PlaceUpdate = z.infer<typeof PlaceUpdateSchema>;

export const PlaceListSchema = z.object({ programmeId: IdSchema.optional(), organisationId: IdSchema.optional() }).strict();
