import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src-shared/errors';
import { CHANNELS, contract, type Channel } from '../../src-shared/ipc/contract';
import { createHandlers } from '../../src-main/ipc/handlers';
import { dispatch } from '../../src-main/ipc/dispatch';
import { runCli } from '../../src-main/cli/cli';
import { commands } from '../../src-main/cli/command-table';
import { loadDemo } from '../../src-main/services/demo.service';
import { publishScenario, runScenario } from '../../src-main/services/matching.service';
import { createTestContext, fixedClock, tempDir, type TestContext } from '../helpers/context';
import { snapshotDb } from '../helpers/snapshot';

/*
 * Issue #7 point 6, as a property: whatever arrives on a channel (random values, deep or huge
 * input, prototype-pollution keys, wrong types, valid input with one field broken), dispatch
 * answers with the envelope, never throws, never logs an unexpected error, answers that succeed
 * match the channel's output schema, and a refused request leaves the database byte for byte as
 * it was. CHANNELS is iterated at run time, so channels added later are covered without edits.
 *
 * Runs are reproducible: the seed is fixed unless MEELOOP_FC_SEED asks for another one.
 */

const SEED = Number(process.env.MEELOOP_FC_SEED ?? 20261123);
const RUNS_PER_CHANNEL = 40;

/** Everything this file writes (databases, backups, exports) lives under one sandbox. */
const sandbox = tempDir('meeloop-fuzz-');
/** The working directory during the test: relative paths and `..` climbs stay inside the sandbox. */
const cwd = path.join(sandbox, 'a', 'b', 'c');
const template = path.join(sandbox, 'template.db');
const originalCwd = process.cwd();

beforeAll(async () => {
  fs.mkdirSync(cwd, { recursive: true });
  process.chdir(cwd);
  // A realistic database: the demo, with a published scenario so placements, blocks and scenarios exist.
  const ctx = await createTestContext({ file: template, dataDir: path.join(sandbox, 'template-data') });
  await loadDemo(ctx);
  const programmes = await ctx.db.selectFrom('programmes').select('id').orderBy('id').execute();
  for (const p of programmes) {
    const s = await runScenario(ctx, { programmeId: p.id, roundId: null, mode: 'priority' });
    await publishScenario(ctx, s.id);
  }
  await ctx.close();
});

afterAll(() => {
  process.chdir(originalCwd);
  fs.rmSync(sandbox, { recursive: true, force: true });
});

let copies = 0;
/** A fresh copy of the demo database per channel, so a delete in one property cannot starve another. */
async function freshContext(): Promise<TestContext> {
  const dir = path.join(sandbox, `ctx-${++copies}`);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'meeloop.db');
  fs.copyFileSync(template, file);
  return createTestContext({ file, dataDir: dir, now: fixedClock() });
}

function dbBytesHash(ctx: TestContext): string {
  return crypto.createHash('sha256').update(ctx.opened.sqlite.serialize()).digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Hostile values

const PATH_KEYS = new Set(['folder', 'out', 'outDir', 'filePath', 'path', 'dir', 'directory']);

/** Values for keys that name a place on disk: hostile, but never an existing system folder. */
const pathValue = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'relative/folder',
  '../../escape',
  '../../../../../../../../../../../../tmp/../etc/passwd/x',
  'C:\\Windows\\System32',
  '\\\\server\\share',
  '/nonexistent-meeloop-folder/deeper',
  'x'.repeat(5000),
  sandbox,
  path.join(sandbox, 'exports'),
);

/** JSON.parse keeps `__proto__` as an own key, exactly as a hostile renderer could send it. */
const pollutedObject = fc.constantFrom(
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown,
  JSON.parse('{"id": 1, "__proto__": {"isAdmin": true, "polluted": true}}') as unknown,
  JSON.parse('{"patch": {"__proto__": {"polluted": true}}, "id": 1}') as unknown,
  Object.create(null) as unknown,
);

function nest(depth: number, leaf: unknown): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? { a: v } : [v];
  return v;
}

const deepValue = fc.tuple(fc.integer({ min: 50, max: 3000 }), fc.constantFrom<unknown>(1, 'x', null, {})).map(([d, leaf]) => nest(d, leaf));

const hugeString = fc.tuple(fc.integer({ min: 10_000, max: 600_000 }), fc.constantFrom('x', 'é', '😀', '\u0000', '=', '<', '/')).map(([n, c]) => c.repeat(n));

const oddScalar = fc.constantFrom<unknown>(
  NaN,
  Infinity,
  -Infinity,
  -0,
  -1,
  0,
  1.5,
  2 ** 53 + 2,
  1e308,
  '1',
  '',
  'null',
  '__proto__',
  'constructor',
  '=HYPERLINK("http://x")',
  '<script>alert(1)</script>',
  "'; DROP TABLE people; --",
  '../../etc/passwd',
  '\u202e',
  true,
  false,
  null,
  undefined,
  [],
  {},
  new Date('invalid'),
  new Date(8.64e15),
  BigInt(1),
);

const anything = fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withBoxedValues: true, withObjectString: true, maxDepth: 4 });

const hostile: fc.Arbitrary<unknown> = fc.oneof(anything, oddScalar, deepValue, hugeString, pollutedObject);

// ---------------------------------------------------------------------------------------------
// Valid inputs to mutate: a starting point per known channel (ids exist in the demo). Channels
// without an entry still get the generic seeds, so a new channel is fuzzed from its first commit.

const CSV = Buffer.from('E-mailadres;Voornaam;Achternaam;Eerste keuze\nfuzz@voorbeeld.be;Fuzz;Test;Huis van het Kind\n', 'utf8').toString('base64');

const SEEDS: Partial<Record<string, unknown[]>> = {
  'programme.get': [{ id: 1 }],
  'programme.summary': [{ id: 1 }],
  'programme.create': [{ name: 'Nieuwe ronde', kind: 'exchange_round', minPlacesPerHost: 5 }, { name: 'Switching Talent 2028', kind: 'jobshadowing', exchangeStarts: '2028-02-01', exchangeEnds: '2028-09-30' }],
  'programme.update': [{ id: 1, patch: { name: 'Hernoemd', retentionMonths: 24 } }, { id: 2, patch: { exchangeStarts: '2027-02-01', exchangeEnds: '2027-09-30' } }],
  'programme.delete': [{ id: 4 }],
  'organisation.list': [{ search: 'vzw' }],
  'organisation.get': [{ id: 1 }],
  'organisation.create': [{ name: 'Nieuwe organisatie vzw', postcode: '1000', municipality: 'Brussel', role: 'both' }],
  'organisation.update': [{ id: 1, patch: { sector: 'Kinderopvang', website: 'https://example.org' } }],
  'organisation.delete': [{ id: 94 }],
  'contact.list': [{ organisationId: 1 }],
  'contact.create': [{ organisationId: 1, name: 'Els Peeters', email: 'els@voorbeeld.be', phone: '0475 12 34 56' }],
  'contact.delete': [{ id: 1 }],
  'place.list': [{ programmeId: 1 }, { organisationId: 2 }],
  'place.create': [{ programmeId: 1, organisationId: 1, team: 'Babygroep', capacity: 2 }],
  'place.update': [{ id: 1, patch: { capacity: 3 } }],
  'place.delete': [{ id: 1 }],
  'person.list': [{ role: 'participant', search: 'an' }],
  'person.get': [{ id: 1 }],
  'person.create': [{ firstName: 'Fien', lastName: 'Maes', email: 'fien@voorbeeld.be', isParticipant: true }],
  'person.update': [{ id: 1, patch: { notes: 'Belt liever na 16 uur.' } }],
  'person.delete': [{ id: 2 }],
  'matching.run': [{ programmeId: 1, mode: 'priority' }, { programmeId: 2, mode: 'optimal', roundId: null }],
  'matching.scenarios': [{ programmeId: 1 }],
  'matching.scenario': [{ id: 1 }],
  'matching.publish': [{ scenarioId: 1 }],
  'placement.list': [{ programmeId: 1 }],
  'placement.pin': [{ id: 1, isPinned: true }],
  'placement.move': [{ applicationId: 1, placeId: 2 }],
  'placement.cancel': [{ id: 1 }],
  'backup.restore': [{ name: 'meeloop-2026-11-23T10-00-00-000Z-manual.db' }],
  'dialog.chooseFolder': [{ purpose: 'documents' }],
  'import.preview': [{ programmeId: 1, kind: 'participants', file: { fileName: 'aanmeldingen.csv', contentBase64: CSV } }],
  'import.commit': [{ previewId: 'a'.repeat(32) }],
  'import.history': [{ programmeId: 1 }],
  'import.undo': [{ id: 1 }],
  'planner.timePath': [{ programmeId: 1 }],
  'planner.phaseUpdate': [{ programmeId: 1, phaseId: 'shadowing', starts: '2027-02-01', ends: '2027-09-30' }],
  'planner.sessions': [{ programmeId: 1 }],
  'planner.sessionCreate': [{ programmeId: 1, kind: 'preparation', title: 'Voorbereiding KOALA', date: '2027-01-17', startTime: '09:30', endTime: '12:30', location: 'Brussel' }],
  'planner.sessionDelete': [{ id: 1 }],
  'planner.sessionsAssign': [{ programmeId: 1 }],
  'planner.plan': [{ programmeId: 1, apply: false }],
  'planner.schedule': [{ programmeId: 1 }],
  'planner.ledger': [{ programmeId: 1 }],
  'planner.tasks': [{}, { programmeId: 1 }],
  'planner.exportIcs': [{ programmeId: 1, folder: path.join(sandbox, 'exports'), scope: 'both' }],
  'retention.preview': [{}, { programmeId: 1 }],
  'retention.purge': [{ programmeId: 1 }],
};
const GENERIC_SEEDS: unknown[] = [{}, { id: 1 }, { programmeId: 1 }];

type Mutation = { op: 'set'; key: string; value: unknown } | { op: 'drop'; key: string } | { op: 'retype'; key: string; value: unknown } | { op: 'nested'; key: string; inner: string; value: unknown };

function keyFrom(keys: string[]): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom(...(keys.length > 0 ? keys : ['id'])), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'extra'), fc.string({ maxLength: 12 }));
}

function mutation(seed: unknown): fc.Arbitrary<Mutation> {
  const keys = seed !== null && typeof seed === 'object' ? Object.keys(seed) : [];
  const valueFor = (key: string) => (PATH_KEYS.has(key) ? pathValue : hostile);
  return fc.oneof(
    keyFrom(keys).chain((key) => valueFor(key).map((value): Mutation => ({ op: 'set', key, value }))),
    keyFrom(keys).map((key): Mutation => ({ op: 'drop', key })),
    keyFrom(keys).chain((key) => (PATH_KEYS.has(key) ? pathValue : oddScalar).map((value): Mutation => ({ op: 'retype', key, value }))),
    fc.tuple(keyFrom(keys), fc.constantFrom('__proto__', 'name', 'id', 'capacity', 'email', 'x'), hostile).map(([key, inner, value]): Mutation => ({ op: 'nested', key, inner, value })),
  );
}

/** Sets an own property even for `__proto__`, as JSON.parse would. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

function applyMutations(seed: unknown, mutations: Mutation[]): unknown {
  const out: Record<string, unknown> = {};
  if (seed !== null && typeof seed === 'object') for (const [k, v] of Object.entries(seed)) define(out, k, v);
  for (const m of mutations) {
    if (m.op === 'drop') delete out[m.key];
    else if (m.op === 'nested') {
      const current = Object.prototype.hasOwnProperty.call(out, m.key) ? out[m.key] : undefined;
      const inner: Record<string, unknown> = {};
      if (current !== null && typeof current === 'object' && !Array.isArray(current)) for (const [k, v] of Object.entries(current)) define(inner, k, v);
      define(inner, m.inner, PATH_KEYS.has(m.inner) ? sandbox : m.value);
      define(out, m.key, inner);
    } else define(out, m.key, m.value);
  }
  return out;
}

function inputFor(channel: string): fc.Arbitrary<unknown> {
  const seeds = [...(SEEDS[channel] ?? []), ...GENERIC_SEEDS];
  const mutated = fc.constantFrom(...seeds).chain((seed) => fc.array(mutation(seed), { minLength: 1, maxLength: 3 }).map((ms) => applyMutations(seed, ms)));
  return fc.oneof({ weight: 3, arbitrary: mutated }, { weight: 2, arbitrary: hostile }, { weight: 1, arbitrary: fc.constantFrom(...seeds) });
}

// ---------------------------------------------------------------------------------------------

interface Tally {
  ok: number;
  refused: number;
}

describe('every IPC channel under random and hostile input', () => {
  const tallies = new Map<string, Tally>();

  it.each(CHANNELS.map((c) => [c]))('%s: an envelope, never a throw; a refusal writes nothing', async (channel: Channel) => {
    const ctx = await freshContext();
    const logged: string[] = [];
    const handlers = createHandlers(ctx);
    const tally: Tally = { ok: 0, refused: 0 };
    const before = await snapshotDb(ctx.db);
    try {
      await fc.assert(
        fc.asyncProperty(inputFor(channel), async (input) => {
          const hashBefore = dbBytesHash(ctx);
          let result;
          try {
            result = await dispatch(handlers, channel, input, (m, e) => logged.push(`${m}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
          } catch (e) {
            throw new Error(`dispatch threw instead of answering: ${String(e)}`);
          }
          expect(logged, 'an unexpected error reached the log (it would answer "internal")').toEqual([]);
          expect(typeof result.ok).toBe('boolean');
          if (result.ok) {
            tally.ok++;
            const parsed = contract[channel].output.safeParse(result.value);
            expect(parsed.success, `answer does not match the output schema: ${parsed.success ? '' : parsed.error.message.slice(0, 300)}`).toBe(true);
          } else {
            tally.refused++;
            expect(ERROR_CODES).toContain(result.error.code);
            expect(result.error.code).not.toBe('internal');
            expect(typeof result.error.message).toBe('string');
            expect(result.error.message.length).toBeGreaterThan(10);
            expect(dbBytesHash(ctx), `a refused request (${result.error.code}: ${result.error.message.slice(0, 120)}) changed the database`).toBe(hashBefore);
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
        }),
        { numRuns: RUNS_PER_CHANNEL, seed: SEED, endOnFailure: true },
      );
      // When nothing was accepted, the whole database is row for row as it was.
      if (tally.ok === 0) expect(await snapshotDb(ctx.db)).toEqual(before);
      tallies.set(channel, tally);
    } finally {
      await ctx.close();
    }
  }, 120_000);

  it('exercised both paths: most channels refused something, and valid inputs were answered', () => {
    const all = [...tallies.values()];
    expect(all.length).toBe(CHANNELS.length);
    expect(all.every((t) => t.refused > 0)).toBe(true);
    // The seeds are valid for the core channels: a good share of channels must have accepted at least once.
    expect(all.filter((t) => t.ok > 0).length).toBeGreaterThan(CHANNELS.length / 2);
  });

  it('an unknown or hostile channel name is refused as unknown_channel', async () => {
    const ctx = await freshContext();
    try {
      const handlers = createHandlers(ctx);
      const isKnown = (c: unknown) => typeof c === 'string' && (CHANNELS as string[]).includes(c);
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom<unknown>('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', { toString: 1 }, Object.create(null), Symbol('x')), anything), fc.anything(), async (channel, input) => {
          fc.pre(!isKnown(channel));
          const r = await dispatch(handlers, channel, input, () => undefined);
          expect(r).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
        }),
        { numRuns: 200, seed: SEED },
      );
    } finally {
      await ctx.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The CLI: random argv never throws, and with --json prints exactly one JSON object.

describe('the CLI under random argv', () => {
  const commandWords = [...new Set(Object.keys(commands).flatMap((c) => c.split(' ')))];
  const optionNames = [...new Set(Object.values(commands).flatMap((s) => Object.keys(s.options ?? {})))];
  const booleanOptions = new Set(Object.values(commands).flatMap((s) => Object.entries(s.options ?? {}).filter(([, o]) => o.type === 'boolean').map(([k]) => k)));
  /** Option values that name files are kept inside the sandbox (the CLI runs as whoever runs the tests). */
  const cliPathValue = fc.oneof(fc.constantFrom('x.json', 'x.xlsx', 'backup.db', 'sub/dir/file.json', '', '../escape.json', 'out.ics'), fc.stringMatching(/^[a-z]{1,8}\.(json|xlsx|db|csv|pdf)$/));
  const cliText = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('1', '0', '-1', '1.5', '99999999999', 'NaN', 'optimal', 'priority', 'participants', 'kijkstage', 'exchange-round', 'a@b.example', '--', '-', '-h', '--json', '=1', '../../etc/passwd', '\u0000'),
    fc.integer({ min: 1_000, max: 100_000 }).map((n) => 'x'.repeat(n)),
  );
  /** Never a token that would point the CLI at another database than the sandbox's. */
  const safe = (t: string) => (/^-+db/i.test(t) ? `x${t}` : t);

  const token: fc.Arbitrary<string[]> = fc.oneof(
    fc.constantFrom(...commandWords).map((w) => [w]),
    fc.constantFrom(...optionNames).chain((name) => {
      if (booleanOptions.has(name)) return fc.constant<string[]>([`--${name}`]);
      const value = PATH_KEYS.has(name) ? cliPathValue : cliText.map(safe);
      return value.map((v): string[] => [`--${name}`, v]);
    }),
    cliText.map((t) => [safe(t)]),
  );
  const argv = fc.tuple(fc.array(token, { maxLength: 7 }), fc.integer({ min: 0, max: 7 })).map(([tokens, at]) => {
    const flat = tokens.flat();
    // After a bare `--` every token is a positional, so --json goes before it to stay the flag.
    const end = flat.indexOf('--');
    flat.splice(Math.min(at, end === -1 ? flat.length : end), 0, '--json');
    return flat;
  });

  it('never throws; with --json stdout is exactly one JSON object with ok and, on failure, a known error code', async () => {
    const dir = path.join(sandbox, 'cli');
    fs.mkdirSync(dir, { recursive: true });
    const db = path.join(dir, 'meeloop.db');
    fs.copyFileSync(template, db);
    let succeeded = 0;
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        let stdout = '';
        let stderr = '';
        let code: number;
        const fileBefore = crypto.createHash('sha256').update(fs.readFileSync(db)).digest('hex');
        try {
          code = await runCli(['--db', db, ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, now: fixedClock() });
        } catch (e) {
          throw new Error(`runCli threw: ${String(e)}`);
        }
        const lines = stdout.split('\n').filter((l) => l.length > 0);
        expect(lines, `stdout for ${JSON.stringify(args).slice(0, 200)}`).toHaveLength(1);
        const out = JSON.parse(lines[0] ?? '') as { ok: unknown; error?: { code: string; message: string } };
        expect(out).toBeTypeOf('object');
        expect(typeof out.ok).toBe('boolean');
        if (out.ok) {
          succeeded++;
          expect(code).toBe(0);
        } else {
          expect(code).toBe(1);
          expect(ERROR_CODES).toContain(out.error?.code);
          expect(out.error?.code, stderr.slice(0, 500)).not.toBe('internal');
          expect(out.error?.message.length).toBeGreaterThan(10);
          // Arguments are checked before the database is opened: a refused command line writes nothing.
          if (out.error?.code === 'invalid_input') expect(crypto.createHash('sha256').update(fs.readFileSync(db)).digest('hex')).toBe(fileBefore);
        }
      }),
      { numRuns: 250, seed: SEED },
    );
    expect(succeeded).toBeGreaterThan(0);
  }, 120_000);
});
