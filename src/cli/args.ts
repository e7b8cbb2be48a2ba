// Minimal, strict option parsing shared by all commands (node:util parseArgs with clear errors).
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
	argv: string[],
	options: T,
	allowPositionals = false
) {
	try {
		return parseArgs({ args: argv, options, allowPositionals, strict: true });
	} catch (error) {
		throw new UsageError(error instanceof Error ? error.message : String(error));
	}
}
