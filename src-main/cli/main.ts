import { runCli } from './cli';

/* Entry point: `npm run --silent cli -- <command>`. */
runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
  now: () => new Date(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stdout.write(JSON.stringify({ ok: false, error: { code: 'internal', message: String(e) } }) + '\n');
    process.exitCode = 2;
  },
);
