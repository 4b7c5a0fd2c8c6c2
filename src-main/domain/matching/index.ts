/**
 * The matching domain's public surface. Services call {@link compileInstance} once per data set,
 * then {@link runMatching} per scenario, {@link explainMatching} + {@link renderExplanation} for the
 * outcomes, {@link checkMove} for hand moves and {@link offerFreedPlace} after a cancellation.
 */
export { compileInstance, type CompiledInstance } from './compiled-instance';
export { runMatching } from './run-matching';
export { explainMatching, renderExplanation, type ChoiceReason, type ChoiceReasonCode, type ExplanationLanguage, type ParticipantExplanation } from './explain';
export { checkMove, MOVE_MESSAGES, type MoveCheck, type MoveProblemCode, type MoveRequest } from './manual-move';
export { offerFreedPlace, waitingList, type PlaceOffer } from './waiting-list';
export { compareIds, comparePriority, sortByPriority } from './priority-order';
export { rankProfile } from './matching-result';
export * from './matching.types';
