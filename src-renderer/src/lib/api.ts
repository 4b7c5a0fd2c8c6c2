import type { Channel, ChannelInput, ChannelOutput, EventName } from '../../../src-shared/ipc/contract';
import type { ErrorCode, Result } from '../../../src-shared/errors';

/*
 * The only user of window.api. The preload (or the test host's bridge) answers every call with the
 * envelope; here it becomes a value or an ApiError whose message the UI shows as it is.
 */

interface WindowApi {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: string, callback: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    api?: WindowApi;
  }
}

export class ApiError extends Error {
  readonly code: ErrorCode | 'bridge_missing';
  readonly details?: unknown;
  constructor(code: ErrorCode | 'bridge_missing', message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
}

function bridge(): WindowApi {
  // Without a bridge the page was opened outside Meeloop; say so instead of failing silently.
  if (!window.api) throw new ApiError('bridge_missing', 'Meeloop cannot reach its data. Close this window and start Meeloop again.');
  return window.api;
}

function isEnvelope(x: unknown): x is Result<unknown> {
  return typeof x === 'object' && x !== null && 'ok' in x && typeof (x as { ok: unknown }).ok === 'boolean';
}

export async function invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  let answer: unknown;
  try {
    answer = await bridge().invoke(channel, input);
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError('internal', 'Meeloop did not answer. Nothing was saved. Try again, or restart Meeloop.');
  }
  if (!isEnvelope(answer)) throw new ApiError('internal', 'Meeloop gave an answer it does not understand. Restart Meeloop.');
  if (answer.ok) return answer.value as ChannelOutput<C>;
  throw new ApiError(answer.error.code, answer.error.message, answer.error.details);
}

/** Subscribe to a main-process event; returns the unsubscribe function. */
export function on(event: EventName, callback: (payload: unknown) => void): () => void {
  if (!window.api) return () => undefined;
  return window.api.on(event, callback);
}

export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
