import { coreCommands, type CommandSpec } from './commands';
import { importCommands } from './import.commands';
import { plannerCommands } from './planner.commands';
import { documentsCommands } from './documents.commands';
import { trustCommands } from './trust.commands';

/** Every CLI command, by name ("programme create"). Each area declares its own. */
export const commands: Record<string, CommandSpec> = { ...coreCommands, ...importCommands, ...plannerCommands, ...documentsCommands, ...trustCommands };
