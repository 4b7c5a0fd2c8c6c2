import type { TFunction } from 'i18next';
import type { ScenarioOutcome } from '../../../../src-shared/schemas/matching.schema';

/*
 * Texts of the matching board that the service also writes. The service sends every explanation
 * twice: as finished Dutch and English sentences (the CLI prints the Dutch) and as structured
 * reasons; a refused hand move comes with its problem codes. The window writes the sentences itself
 * from the reasons and codes, in the coordinator's language with the right singular or plural; its
 * Dutch and English are the service's own sentences word for word (unit tests hold them together).
 * A code this version does not know falls back to the service's sentence.
 */

type Outcome = Pick<ScenarioOutcome, 'outcome' | 'obtainedRank' | 'reasons' | 'text'>;
type Reason = ScenarioOutcome['reasons'][number];

// i18next reads "_word" at the end of a key as a context, so the texts use camelCase keys.
const RULE_KEYS = {
  unknown_host: 'unknownHost',
  unknown_place: 'unknownPlace',
  place_not_at_host: 'placeNotAtHost',
  no_place: 'noPlace',
  own_organisation: 'ownOrganisation',
  visited_before: 'visitedBefore',
  excluded: 'excluded',
  language: 'language',
  availability: 'availability',
  too_far: 'tooFar',
  duplicate_host: 'duplicateHost',
  already_placed_at_host: 'alreadyPlacedAtHost',
  unresolved: 'unresolved',
} as const;

function isRuleCode(code: string): code is keyof typeof RULE_KEYS {
  return Object.hasOwn(RULE_KEYS, code);
}

const isFull = (code: string): boolean => code === 'full_higher_priority' || code === 'full_optimal_tradeoff';

/** "4 plaatsen, allemaal ingenomen door deelnemers met een hogere prioriteit" and its variants. */
function fullText(r: Reason, t: TFunction): string {
  const capacity = r.capacity ?? 0;
  const limitKind = r.limit ?? 'place';
  let limit: string;
  if (capacity === 0) limit = t(limitKind === 'host' ? 'matching.explain.noHost' : limitKind === 'mentor' ? 'matching.explain.noMentor' : 'matching.explain.noPlace');
  else limit = t(limitKind === 'host' ? 'matching.explain.host' : limitKind === 'mentor' ? 'matching.explain.mentor' : 'matching.explain.place', { count: capacity });
  const takenBy = r.takenBy ?? 0;
  if (takenBy === 0) return limit;
  const higher = Math.min(r.takenByHigherPriority ?? 0, takenBy);
  const lower = takenBy - higher;
  let taken: string;
  if (lower === 0) taken = t('matching.explain.takenHigher', { count: takenBy });
  else if (higher === 0) taken = t('matching.explain.takenLower', { count: takenBy });
  else taken = t('matching.explain.takenSplit', { higher: t('matching.explain.byHigher', { count: higher }), lower: t('matching.explain.byLower', { count: lower }) });
  return t(r.code === 'full_optimal_tradeoff' ? 'matching.explain.fullTradeoff' : 'matching.explain.full', { limit, taken });
}

/** The service's sentence for a language it writes: English in an English window, else Dutch. */
export function serviceText(text: Outcome['text'], uiLanguage: string): string {
  return uiLanguage.startsWith('en') ? text.en : text.nl;
}

/** Why a participant is unplaced or not on choice 1, in the UI language of `t`. */
export function explanationText(o: Outcome, t: TFunction, uiLanguage: string): string {
  if (o.reasons.some((r) => !isFull(r.code) && !isRuleCode(r.code))) return serviceText(o.text, uiLanguage);
  const head =
    o.outcome === 'unplaced'
      ? t('matching.explain.unplaced')
      : o.obtainedRank === null
        ? t('matching.explain.outsideChoices')
        : t('matching.explain.lower', { rank: o.obtainedRank });
  if (o.reasons.length === 0) return head;
  const reasons = o.reasons.map((r, i) => {
    const why = isRuleCode(r.code) ? t(`matching.explain.rules.${RULE_KEYS[r.code]}`) : fullText(r, t);
    return t(i === 0 ? 'matching.explain.firstReason' : 'matching.explain.nextReason', { rank: r.rank, host: r.organisationName, why });
  });
  return t('matching.explain.withReasons', { head, reasons: reasons.join(t('matching.explain.separator')) });
}

const REFUSAL_KEYS = {
  unknown_participant: 'unknownParticipant',
  unknown_host: 'unknownHost',
  unknown_place: 'unknownPlace',
  place_not_at_host: 'placeNotAtHost',
  no_place: 'noPlace',
  own_organisation: 'ownOrganisation',
  visited_before: 'visitedBefore',
  excluded: 'excluded',
  language: 'language',
  availability: 'availability',
  too_far: 'tooFar',
  duplicate_host: 'duplicateHost',
  place_full: 'placeFull',
  host_full: 'hostFull',
  mentor_full: 'mentorFull',
  unknown_mentor: 'unknownMentor',
  already_at_host: 'alreadyAtHost',
  max_placements: 'maxPlacements',
} as const;

function isRefusalCode(code: unknown): code is keyof typeof REFUSAL_KEYS {
  return typeof code === 'string' && Object.hasOwn(REFUSAL_KEYS, code);
}

/**
 * Why a hand move was refused, from the problem codes the service sends, in the UI language of `t`
 * (the same words as the service's Dutch and English). Null when there are no codes or one is
 * unknown to this version: the caller then shows the service's own message.
 */
export function refusalFromProblems(problems: unknown, t: TFunction): string | null {
  if (!Array.isArray(problems) || problems.length === 0 || !problems.every(isRefusalCode)) return null;
  return problems.map((p) => t(`matching.refusals.${REFUSAL_KEYS[p]}`)).join(' ');
}

/**
 * The rules that pinned placements break, as sentences in the UI language (the hand-move refusal
 * texts); codes this version does not know are listed as they are rather than hidden.
 */
export function pinProblemText(codes: readonly string[], t: TFunction): string {
  const known = codes.filter(isRefusalCode);
  const unknown = codes.filter((c) => !isRefusalCode(c));
  return [...known.map((c) => t(`matching.refusals.${REFUSAL_KEYS[c]}`)), ...(unknown.length > 0 ? [`(${unknown.join(', ')})`] : [])].join(' ');
}
