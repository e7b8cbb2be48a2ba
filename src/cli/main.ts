// `haibao` command line: a thin dispatcher; each command lives in its own file under src/cli/commands.
import { commands } from './commands/index';

const usage = `haibao <command> [options]

Commands:
${Object.entries(commands)
	.map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`)
	.join('\n')}

Run "haibao <command> --help" for the options of one command.`;

export async function run(argv: string[]): Promise<number> {
	const [name, ...rest] = argv;
	if (!name || name === '--help' || name === '-h' || name === 'help') {
		console.log(usage);
		return name ? 0 : 1;
	}
	const command = commands[name];
	if (!command) {
		console.error(`haibao: unknown command "${name}".\n\n${usage}`);
		return 1;
	}
	try {
		return await command.run(rest);
	} catch (error) {
		console.error(`haibao ${name}: ${error instanceof Error ? error.message : String(error)}`);
		return 1;
	}
}
