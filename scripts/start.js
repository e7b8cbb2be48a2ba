#!/usr/bin/env node
// `npm start`: build the app when the build is missing or older than the sources, then serve it.
//
// We serve the build through adapter-node's request handler on our own HTTP server instead of running
// build/index.js, because with no ORIGIN set adapter-node takes every request for https, so the
// browser's `Origin: http://localhost:3000` never matches and SvelteKit refuses every form POST and
// upload with 403. This server speaks plain HTTP, so it tells the handler so for each request; the
// site's origin is then http://<Host header>, which works as localhost, 127.0.0.1 or a LAN address,
// while a POST whose Origin names another site is still refused by SvelteKit's CSRF check.
// Behind a TLS proxy set ORIGIN (e.g. https://haibao.example.com) and it is used as is.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { isAllowedHost, listenAddresses } from './serve-hosts.js';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'build', 'handler.js');

function newestMtime(dir) {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
	}
	return newest;
}

const sourcesChanged = () =>
	Math.max(newestMtime(join(root, 'src')), statSync(join(root, 'package.json')).mtimeMs) >
	statSync(built).mtimeMs;

if (!existsSync(built) || sourcesChanged()) {
	console.log('Building Haibao…');
	const result = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

const port = Number(process.env.PORT ?? 3000);
const origin = process.env.ORIGIN;
// A header name of our own that no client can set: we overwrite it on every request.
const SCHEME_HEADER = 'x-haibao-served-scheme';
if (!origin) process.env.PROTOCOL_HEADER = SCHEME_HEADER;
process.env.BODY_SIZE_LIMIT ??= '52428800';

const { handler } = await import(built);

function serve(req, res) {
	if (!origin) {
		// DNS rebinding guard: a page on another site that resolves its name to this machine sends
		// its own name as Host; answer only to names that are this machine's.
		if (!isAllowedHost(req.headers.host)) {
			res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
			res.end(
				`此地址不能访问 Haibao：${req.headers.host ?? '(无 Host)'}。如需用这个名字访问，请设置 HAIBAO_ALLOWED_HOSTS。\n` +
					`Haibao does not answer to host ${req.headers.host ?? '(none)'}. To allow it, set HAIBAO_ALLOWED_HOSTS=name[,name…].\n`
			);
			return;
		}
		req.headers[SCHEME_HEADER] = 'http';
	}
	handler(req, res, () => {
		res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
		res.end('Not found');
	});
}

// One server per address: by default the IPv4 and IPv6 loopbacks (a browser may try either for
// "localhost"); HOST=0.0.0.0 opens Haibao to the network.
const servers = listenAddresses(process.env.HOST).map((address) => {
	const server = http.createServer(serve);
	server.on('error', (error) => {
		if (address === '::1' && ['EADDRNOTAVAIL', 'EAFNOSUPPORT'].includes(error.code)) return; // no IPv6 here
		console.error(`Haibao cannot listen on ${address}:${port}: ${error.message}`);
		process.exit(1);
	});
	server.listen({ host: address, port });
	return server;
});
servers[0].once('listening', () => {
	const scope = process.env.HOST
		? `listening on ${process.env.HOST}`
		: 'this machine only; HOST=0.0.0.0 opens it to the network';
	console.log(`Haibao 海报 on http://localhost:${port} (${scope})`);
});
for (const signal of ['SIGINT', 'SIGTERM'])
	process.once(signal, () => {
		for (const server of servers) server.close();
		process.exit(0);
	});
