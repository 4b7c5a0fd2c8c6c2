import { z } from 'zod';
import { EmailSchema, IdSchema, LanguageSchema, NameSchema, TextSchema } from './common.schema';

export const ORGANISATION_ROLES = ['sends', 'hosts', 'both'] as const;
export const OrganisationRoleSchema = z.enum(ORGANISATION_ROLES);
export type OrganisationRole = z.infer<typeof OrganisationRoleSchema>;

const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

const organisationFields = {
  name: NameSchema,
  sector: optionalText(200),
  network: optionalText(200),
  address: optionalText(300),
  postcode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^(\d{4}|\d{4} ?[A-Z]{2})$/, 'Use a Belgian (1000) or Dutch (1234 AB) postcode.')
    .nullable()
    .default(null),
  municipality: optionalText(200),
  languages: z.array(LanguageSchema).default(['nl']),
  website: z
    .string()
    .trim()
    .max(500)
    .refine((s) => /^https?:\/\/[^\s]+$/i.test(s), 'A website starts with http:// or https://.')
    .nullable()
    .default(null),
  role: OrganisationRoleSchema.default('both'),
  preconditionNotes: TextSchema.default(''),
  maxHoursPerDay: z.number().positive().max(24).nullable().default(null),
};

export const OrganisationInputSchema = z.object(organisationFields).strict();
export type OrganisationInput = z.input<typeof OrganisationInputSchema>;
export type OrganisationCreate = z.output<typeof OrganisationInputSchema>;

export const OrganisationSchema = z.object({
  id: IdSchema,
  name: z.string(),
  sector: z.string().nullable(),
  network: z.string().nullable(),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  municipality: z.string().nullable(),
  languages: z.array(LanguageSchema),
  website: z.string().nullable(),
  role: OrganisationRoleSchema,
  preconditionNotes: z.string(),
  maxHoursPerDay: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

export const OrganisationUpdateSchema = z.object({
  id: IdSchema,
  patch: z.object(organisationFields).partial().strict(),
});
export type OrganisationUpdate = z.infer<typeof OrganisationUpdateSchema>;

export const CONTACT_ROLES = ['project_lead', 'host_contact', 'other'] as const;
export const ContactInputSchema = z
  .object({
    organisationId: IdSchema,
    name: NameSchema,
    role: z.enum(CONTACT_ROLES).default('project_lead'),
    email: EmailSchema.nullable().default(null),
    phone: z.string().trim().max(40).nullable().default(null),
    language: LanguageSchema.default('nl'),
  })
  .strict();
export type ContactInput = z.input<typeof ContactInputSchema>;
/** Change a contact person: only the fields given change; the organisation stays. */
export const ContactUpdateSchema = z.object({
  id: IdSchema,
  patch: z
    .object({
      name: NameSchema,
      role: z.enum(CONTACT_ROLES),
      email: EmailSchema.nullable(),
      phone: z.string().trim().max(40).nullable(),
      language: LanguageSchema,
    })
    .partial()
    .strict(),
});
export type ContactUpdate = z.infer<typeof ContactUpdateSchema>;
export const ContactSchema = z.object({
  id: IdSchema,
  organisationId: IdSchema,
  name: z.string(),
  role: z.enum(CONTACT_ROLES),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  language: LanguageSchema,
});
export type Contact = z.infer<typeof ContactSchema>;
