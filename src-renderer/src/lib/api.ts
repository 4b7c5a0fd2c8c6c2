import { eventPayloads, type Channel, type ChannelInput, type ChannelOutput, type EventName, type EventPayload } from '../../../src-shared/ipc/contract';
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

/**
 * Subscribe to a main-process event; returns the unsubscribe function. A payload that does not match
 * the event's schema is dropped: what crossed the bridge is checked, not trusted.
 */
export function on<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void {
  if (!window.api) return () => undefined;
  const schema = eventPayloads[event];
  return window.api.on(event, (payload) => {
    const parsed = schema.safeParse(payload);
    if (parsed.success) callback(parsed.data as EventPayload<E>);
  });
}

/** A fresh id for one run of a long task (documents export, reading an import file): 32 random hex digits. */
export function newRunId(): string {
  // getRandomValues, not randomUUID: the latter needs a secure context, which a page need not be.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
