import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ErrorInfo } from '../../src-shared/errors';
import { toErrorInfo } from '../ipc/dispatch';
import { resolveDbPath, resourcesDir } from '../io/paths';
import { openServiceContext, type OpenedContext } from '../services/open-context';
import type { CommandSpec } from './commands';
import { commands } from './command-table';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  now: () => Date;
}

/** Kept in step with package.json by test/integration/cli.test.ts. */
export const APP_VERSION = '0.1.0';

const GLOBAL_OPTIONS = {
  json: { type: 'boolean' },
  db: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function usage(): string {
  const lines = Object.entries(commands).map(([name, spec]) => `  ${name.padEnd(18)} ${spec.summary}`);
  return ['Usage: npm run --silent cli -- [--db FILE] [--json] <command> [options]', '', 'Commands:', ...lines, '', 'The database is --db FILE, else $MEELOOP_DB, else the app\'s own database.'].join('\n');
}

/** Finds the longest command name (e.g. "programme create") at the start of the positionals. */
function findCommand(positionals: string[]): { name: string; spec: CommandSpec; rest: string[] } | null {
  for (let n = Math.min(3, positionals.length); n >= 1; n--) {
    const name = positionals.slice(0, n).join(' ');
    const spec = commands[name];
    if (spec) return { name, spec, rest: positionals.slice(n) };
  }
  return null;
}

/**
 * Runs one CLI invocation and returns the exit code. With --json, stdout gets exactly one JSON
 * object: `{ ok: true, ... }` or `{ ok: false, error: { code, message } }`.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let json = argv.includes('--json');
  const fail = (error: ErrorInfo): number => {
    if (json) io.stdout(JSON.stringify({ ok: false, error }) + '\n');
    else io.stderr(`Error (${error.code}): ${error.message}\n`);
    return error.code === 'internal' ? 2 : 1;
  };

  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...GLOBAL_OPTIONS, ...allCommandOptions() }, allowPositionals: true, strict: true });
  } catch (e) {
    return fail({ code: 'invalid_input', message: `${(e as Error).message}. Run with --help to see the commands and their options.` });
  }
  json = parsed.values.json === true;
  const found = findCommand(parsed.positionals);
  if (parsed.values.help || parsed.positionals.length === 0) {
    // With --json, stdout still carries exactly one JSON object.
    if (json && !parsed.values.help) return fail({ code: 'invalid_input', message: 'Give a command. Run with --help to see the commands.' });
    io.stdout((json ? JSON.stringify({ ok: true, usage: usage() }) : usage()) + '\n');
    return parsed.values.help ? 0 : 1;
  }
  if (!found) {
    return fail({ code: 'invalid_input', message: `Unknown command "${parsed.positionals.join(' ')}". Run with --help to see the commands.` });
  }

  const optionNames = Object.keys(found.spec.options ?? {});
  const stray = Object.keys(parsed.values).filter((k) => !(k in GLOBAL_OPTIONS) && !optionNames.includes(k));
  if (stray.length > 0) return fail({ code: 'invalid_input', message: `The option --${stray[0]} does not belong to "${found.name}". ${found.spec.usage}` });

  const args = found.spec.args.safeParse({ ...parsed.values, positionals: found.rest });
  if (!args.success) {
    const issue = args.error.issues[0];
    const where = issue && issue.path.length > 0 ? `--${issue.path.join('.')}: ` : '';
    return fail({ code: 'invalid_input', message: `${where}${issue?.message ?? 'invalid arguments'}. ${found.spec.usage}` });
  }

  const dbPath = resolveDbPath(parsed.values.db, io.env);
  let ctx: OpenedContext | null = null;
  try {
    if (found.spec.runWithoutDb) {
      const result = await found.spec.runWithoutDb({ dbPath, now: io.now, resourcesDir: resourcesDir() }, args.data as never);
      io.stdout((json ? JSON.stringify({ ok: true, ...result.json }) : result.text) + '\n');
      return 0;
    }
    ctx = await openServiceContext({ file: dbPath, now: io.now, actor: 'cli', dataDir: path.dirname(dbPath), resourcesDir: resourcesDir(), version: APP_VERSION });
    const result = await found.spec.run(ctx, args.data as never, ctx.opened);
    if (json) io.stdout(JSON.stringify({ ok: true, ...result.json }) + '\n');
    else io.stdout(result.text + '\n');
    return 0;
  } catch (e) {
    return fail(toErrorInfo(e, (m, err) => io.stderr(`${m}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)));
  } finally {
    await ctx?.close();
  }
}

function allCommandOptions(): Record<string, { type: 'string' | 'boolean' }> {
  const all: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const spec of Object.values(commands)) Object.assign(all, spec.options ?? {});
  return all;
}


