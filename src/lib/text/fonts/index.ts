// Fonts for the text engine, shared by server and browser: manifest, library (lazy loading, fallbacks).
export { FONT_FILE, FontEntry, FontManifest, Script, faceKey, isListedFile, parseManifest } from './manifest';
export {
	createFontLibrary,
	isIgnorable,
	nearestWeight,
	parseFace,
	type FaceRequest,
	type FontLibraryLoader,
	type FontLibraryOptions,
	type LoadBytes
} from './library';
