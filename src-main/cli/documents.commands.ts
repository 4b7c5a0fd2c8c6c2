import type { CommandSpec } from './commands';

/** The documents commands of the CLI (merged into the command table in command-table.ts). */
export const documentsCommands: Record<string, CommandSpec> = {};
