// `npm start`'s Host check (DNS rebinding guard) and listen addresses.
import { describe, expect, it } from 'vitest';
import { hostname } from 'node:os';
import { hostName, isAllowedHost, listenAddresses } from '../../../scripts/serve-hosts.js';

describe('npm start hosts', () => {
	it('listens on the loopbacks unless HOST says otherwise', () => {
		expect(listenAddresses(undefined)).toEqual(['127.0.0.1', '::1']);
		expect(listenAddresses('0.0.0.0')).toEqual(['0.0.0.0']);
	});

	it('reads the name of a Host header', () => {
		expect(hostName('localhost:3000')).toBe('localhost');
		expect(hostName('[::1]:3000')).toBe('::1');
		expect(hostName('192.168.1.20')).toBe('192.168.1.20');
		expect(hostName(undefined)).toBe('');
	});

	it('answers this machine’s names and addresses, not a foreign name', () => {
		for (const host of [
			'localhost:3000',
			'127.0.0.1:3000',
			'[::1]:3000',
			'192.168.1.20:3000',
			`${hostname()}:3000`
		])
			expect(isAllowedHost(host, {}), host).toBe(true);
		expect(isAllowedHost('evil.example:3000', {})).toBe(false);
		expect(isAllowedHost(undefined, {})).toBe(false);
		expect(isAllowedHost('poster.lan:3000', { HAIBAO_ALLOWED_HOSTS: 'poster.lan, other' })).toBe(true);
	});
});
