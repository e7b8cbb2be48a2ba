// A one-line terminal progress bar for batch exports; plain lines when the output is not a TTY.
export class ProgressBar {
	private count = 0;
	private started = performance.now();
	constructor(
		private total: number,
		private stream: NodeJS.WriteStream
	) {}

	private get tty() {
		return !!this.stream.isTTY;
	}

	/** One item finished; `error` is printed on its own line so it stays visible. */
	tick(label: string, error?: string): void {
		this.count++;
		const width = 24;
		const filled = this.total ? Math.round((this.count / this.total) * width) : width;
		const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
		const elapsed = (performance.now() - this.started) / 1000;
		const eta = this.count ? (elapsed / this.count) * (this.total - this.count) : 0;
		const line = `${bar} ${this.count}/${this.total}  ${label}  (${elapsed.toFixed(1)} s, ~${eta.toFixed(0)} s left)`;
		if (this.tty) {
			const columns = this.stream.columns || 100;
			if (error) this.stream.write(`\r\x1b[K${error}\n`);
			this.stream.write(`\r\x1b[K${line.slice(0, columns - 1)}`);
		} else {
			this.stream.write(`${line}\n`);
		}
	}

	done(): void {
		if (this.tty) this.stream.write('\n');
	}
}
