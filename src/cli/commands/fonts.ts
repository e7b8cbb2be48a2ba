// `haibao fonts`: the font manifest as JSON, one object per face.
import { fontsDir, readManifest } from '../../lib/server/fonts/index';

const HELP = `haibao fonts [--dir DIR]

Prints the fonts the app ships (fonts/manifest.json, or DIR/manifest.json; HAIBAO_FONTS also sets DIR) as JSON:
[{ "family", "weight", "style", "file", "license", "scripts": ["Hans", "Latn", ...] }]`;

export async function run(argv: string[]): Promise<number> {
	let dir = fontsDir();
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--help' || arg === '-h') {
			console.log(HELP);
			return 0;
		} else if (arg === '--dir' && argv[i + 1]) dir = argv[++i];
		else {
			console.error(`haibao fonts: unknown option "${arg}"\n\n${HELP}`);
			return 1;
		}
	}
	const manifest = readManifest(dir);
	const faces = manifest.fonts.map(({ family, weight, style, file, license, scripts }) => ({
		family,
		weight,
		style,
		file,
		license,
		scripts
	}));
	console.log(JSON.stringify(faces, null, 2));
	return 0;
}
