// The part of `linebreak` (UAX #14, ships no typings) that the text engine uses.
declare module 'linebreak' {
	export interface Break {
		/** UTF-16 index where a new line may start. */
		position: number;
		required: boolean;
	}
	export default class LineBreaker {
		constructor(text: string);
		nextBreak(): Break | null;
	}
}
