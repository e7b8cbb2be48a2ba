// Which Host names `npm start` answers to, and which addresses it listens on. Plain JS: it runs
// before (and without) the build.
import { isIP } from 'node:net';
import { hostname } from 'node:os';

/** Addresses to listen on: HOST if set (0.0.0.0 = every interface), else the loopbacks only. */
export function listenAddresses(host) {
	if (host) return [host];
	return ['127.0.0.1', '::1'];
}

/** The name part of a Host header ("[::1]:3000" → "::1", "localhost:3000" → "localhost"). */
export function hostName(header) {
	if (!header) return '';
	const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(header);
	if (bracketed) return bracketed[1].toLowerCase();
	return header.replace(/:\d+$/, '').toLowerCase();
}

/**
 * True when a request's Host header names this machine: an IP address (loopback or one of its LAN
 * addresses: only reachable where we listen), localhost, this machine's name, or a name listed in
 * HAIBAO_ALLOWED_HOSTS.
 */
export function isAllowedHost(header, env = process.env) {
	const name = hostName(header);
	if (!name) return false;
	if (isIP(name)) return true;
	if (name === 'localhost' || name.endsWith('.localhost')) return true;
	const own = hostname().toLowerCase();
	if (name === own || name === `${own}.local`) return true;
	const extra = (env.HAIBAO_ALLOWED_HOSTS ?? '')
		.split(',')
		.map((h) => h.trim().toLowerCase())
		.filter(Boolean);
	return extra.includes(name) || extra.includes('*');
}
