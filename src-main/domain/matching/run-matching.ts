import { compileInstance, type CompiledInstance } from './compiled-instance';
import { buildResult } from './matching-result';
import type { MatchingInstance, MatchingMode, MatchingResult } from './matching.types';
import { optimalMatching } from './optimal-matching';
import { priorityMatching } from './priority-matching';

/**
 * Runs one matching scenario. Pure and deterministic: the same instance gives the same result
 * whatever the order of its arrays. Pins are kept as they are (problems listed in `pinProblems`).
 * - `priority`: serial dictatorship in priority order ({@link priorityMatching}).
 * - `optimal`: most placed, then rank-maximal, then priority ({@link optimalMatching}).
 * Pass a `compiled` instance when running both modes on the same data to index it once.
 */
export function runMatching(instance: MatchingInstance, mode: MatchingMode, compiled?: CompiledInstance): MatchingResult {
  const c = compiled ?? compileInstance(instance);
  const placements = mode === 'priority' ? priorityMatching(c) : optimalMatching(c);
  return buildResult(c, mode, placements);
}
