import { z } from 'zod';
import { AppError, type ErrorInfo, type Result } from '../../src-shared/errors';
import { contract, isChannel, type Channel, type ChannelOutput, type ParsedInput } from '../../src-shared/ipc/contract';

/** One handler per channel; a missing or extra key fails to compile. */
export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<ChannelOutput<C>> };

export type Logger = (message: string, error?: unknown) => void;

function describeIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, 5).map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message));
  return `Some fields are not filled in correctly: ${parts.join('; ')}`;
}

/** Maps anything thrown to the envelope's error; unexpected errors keep their stack in the log only. */
export function toErrorInfo(e: unknown, log: Logger): ErrorInfo {
  if (e instanceof AppError) return e.toInfo();
  if (e instanceof z.ZodError) return { code: 'invalid_input', message: describeIssues(e), details: e.issues.map((i) => ({ path: i.path.map(String), message: i.message })) };
  log('unexpected error', e);
  return { code: 'internal', message: 'Something went wrong inside Meeloop. Nothing was saved. Try again; if it keeps happening, make a backup and report it.' };
}

/**
 * Parses the input with the channel's schema, runs the handler and answers with the envelope.
 * Shared by the Electron registrar and the loopback test host so both behave identically.
 */
export async function dispatch(handlers: Handlers, channel: unknown, rawInput: unknown, log: Logger): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    // Never String(channel): an object with a hostile toString (or none) would throw here.
    const name = typeof channel === 'string' ? channel.slice(0, 80) : `(${typeof channel})`;
    return { ok: false, error: { code: 'unknown_channel', message: `Meeloop does not know the request "${name}".` } };
  }
  const parsed = contract[channel].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid_input', message: describeIssues(parsed.error), details: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) } };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (e) {
    return { ok: false, error: toErrorInfo(e, log) };
  }
}

/** Type helper for callers that already hold a channel name. */
export type DispatchResult<C extends Channel> = Result<ChannelOutput<C>>;
