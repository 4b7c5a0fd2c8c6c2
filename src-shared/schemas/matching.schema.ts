import { z } from 'zod';
import { IdSchema } from './common.schema';

export const MatchingModeSchema = z.enum(['priority', 'optimal']);
export type MatchingMode = z.infer<typeof MatchingModeSchema>;

export const MatchingRunInputSchema = z
  .object({
    programmeId: IdSchema,
    roundId: IdSchema.nullable().default(null),
    mode: MatchingModeSchema,
    /** Switching Talent: organisations that send must also host. Defaults to true for jobshadowing. */
    requireSendersToHost: z.boolean().optional(),
  })
  .strict();
export type MatchingRunInput = z.output<typeof MatchingRunInputSchema>;

const ReasonSchema = z.object({
  rank: z.number().int(),
  organisationId: IdSchema.nullable(),
  organisationName: z.string(),
  code: z.string(),
  limit: z.enum(['place', 'host', 'mentor']).nullable(),
  capacity: z.number().int().nullable(),
  takenBy: z.number().int().nullable(),
  takenByHigherPriority: z.number().int().nullable(),
});

export const ScenarioAssignmentSchema = z.object({
  applicationId: IdSchema,
  participantId: IdSchema,
  participantName: z.string(),
  email: z.string().nullable(),
  organisationId: IdSchema,
  organisationName: z.string(),
  placeId: IdSchema.nullable(),
  placeName: z.string().nullable(),
  mentorId: IdSchema.nullable(),
  mentorName: z.string().nullable(),
  rank: z.number().int().nullable(),
  isPinned: z.boolean(),
});
export type ScenarioAssignment = z.infer<typeof ScenarioAssignmentSchema>;

export const ScenarioOutcomeSchema = z.object({
  applicationId: IdSchema,
  participantName: z.string(),
  email: z.string().nullable(),
  outcome: z.enum(['unplaced', 'lower_choice']),
  obtainedRank: z.number().int().nullable(),
  reasons: z.array(ReasonSchema),
  text: z.object({ nl: z.string(), en: z.string() }),
});
export type ScenarioOutcome = z.infer<typeof ScenarioOutcomeSchema>;

export const ScenarioSummarySchema = z.object({
  id: IdSchema,
  programmeId: IdSchema,
  roundId: IdSchema.nullable(),
  mode: MatchingModeSchema,
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  applications: z.number().int(),
  placed: z.number().int(),
  unplaced: z.number().int(),
  placementCount: z.number().int(),
  byRank: z.record(z.string(), z.number().int()),
});
export type ScenarioSummary = z.infer<typeof ScenarioSummarySchema>;

export const ScenarioSchema = ScenarioSummarySchema.extend({
  fill: z.array(z.object({ organisationId: IdSchema, organisationName: z.string(), capacity: z.number().int(), taken: z.number().int() })),
  reciprocity: z.array(
    z.object({
      organisationId: IdSchema,
      organisationName: z.string(),
      sent: z.number().int(),
      received: z.number().int(),
      placesOffered: z.number().int(),
      sendsWithoutHosting: z.boolean(),
      belowMinPlaces: z.boolean(),
    }),
  ),
  pinProblems: z.array(z.object({ applicationId: IdSchema, placeId: IdSchema, code: z.string() })),
  assignments: z.array(ScenarioAssignmentSchema),
  outcomes: z.array(ScenarioOutcomeSchema),
  waitingList: z.array(z.object({ applicationId: IdSchema, participantName: z.string(), email: z.string().nullable() })),
});
export type Scenario = z.infer<typeof ScenarioSchema>;

export const PlacementViewSchema = ScenarioAssignmentSchema.extend({
  id: IdSchema,
  status: z.enum(['proposed', 'confirmed', 'completed', 'cancelled']),
  decidedBy: z.string(),
  decidedAt: z.string(),
});
export type PlacementView = z.infer<typeof PlacementViewSchema>;

export const PlacementMoveSchema = z
  .object({ applicationId: IdSchema, placeId: IdSchema, mentorId: IdSchema.nullable().optional(), fromPlacementId: IdSchema.nullable().optional() })
  .strict();
export type PlacementMove = z.infer<typeof PlacementMoveSchema>;

export const PlaceOfferSchema = z
  .object({ applicationId: IdSchema, participantName: z.string(), email: z.string().nullable(), organisationName: z.string(), placeId: IdSchema })
  .nullable();
