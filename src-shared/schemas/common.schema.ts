import { z } from 'zod';

export const IdSchema = z.number().int().positive();
export type Id = z.infer<typeof IdSchema>;

export const LanguageSchema = z.enum(['nl', 'fr', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

/** Calendar date as ISO `YYYY-MM-DD`; validated as a real date. */
export const IsoDateSchema = z.iso.date();
/** Time of day `HH:MM`. */
export const TimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time as HH:MM, for example 09:30.');
/** Timestamp as ISO 8601 with time zone. */
export const TimestampSchema = z.iso.datetime({ offset: true });

/** A non-empty, trimmed, single-line text with a sane maximum. */
export const NameSchema = z.string().trim().min(1, 'This field is required.').max(200);
export const TextSchema = z.string().max(20_000);

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('This is not an e-mail address.'));

export const DAY_PARTS = ['mon_am', 'mon_pm', 'tue_am', 'tue_pm', 'wed_am', 'wed_pm', 'thu_am', 'thu_pm', 'fri_am', 'fri_pm', 'sat_am', 'sat_pm', 'sun_am', 'sun_pm'] as const;
/** A weekly availability: the day parts (morning/afternoon per weekday) someone can be there. */
export const AvailabilitySchema = z.array(z.enum(DAY_PARTS)).max(DAY_PARTS.length);
export type Availability = z.infer<typeof AvailabilitySchema>;

export const ListQuerySchema = z.object({
  search: z.string().max(200).optional(),
  programmeId: IdSchema.optional(),
});
export type ListQuery = z.infer<typeof ListQuerySchema>;
