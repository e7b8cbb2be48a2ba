import { describe, expect, it } from 'vitest';
import { collectSnapTargets, snapAngle, snapMove, snapResize } from '../../../src/lib/editor/snapping';

const page = { width: 600, height: 800, safe: 20 };

describe('snapMove', () => {
	it('snaps the left edge to the page edge and draws a vertical guide', () => {
		const t = collectSnapTargets(page, []);
		const r = snapMove({ x: 3, y: 100, width: 100, height: 50 }, t, 5);
		expect(r.x).toBe(0);
		expect(r.y).toBe(100);
		expect(r.guides).toContainEqual(
			expect.objectContaining({ orientation: 'vertical', position: 0, kind: 'page-edge' })
		);
	});

	it('snaps the centre to the page centre line', () => {
		const t = collectSnapTargets(page, []);
		const r = snapMove({ x: 248, y: 377, width: 100, height: 50 }, t, 4);
		expect(r.x).toBe(250); // centre 300
		expect(r.y).toBe(375); // middle 400
		expect(r.guides.map((g) => g.kind)).toEqual(['page-centre', 'page-centre']);
	});

	it('snaps to the safe area and to other layers, choosing the closest line', () => {
		const t = collectSnapTargets(page, [{ x: 200, y: 300, width: 80, height: 40 }]);
		// right edge 197 → other layer's left 200 (3 away) beats nothing else.
		const r = snapMove({ x: 97, y: 302, width: 100, height: 30 }, t, 5);
		expect(r.x).toBe(100);
		expect(r.y).toBe(300);
		const safe = snapMove({ x: 22, y: 500, width: 50, height: 50 }, t, 5);
		expect(safe.x).toBe(20);
		expect(safe.guides[0]).toMatchObject({ kind: 'safe', position: 20 });
	});

	it('leaves the box alone beyond the threshold', () => {
		const t = collectSnapTargets(page, []);
		const r = snapMove({ x: 40, y: 120, width: 10, height: 10 }, t, 5);
		expect(r).toEqual({ x: 40, y: 120, guides: [] });
	});

	it('guide spans the snapped box and the target layer', () => {
		const t = collectSnapTargets(page, [{ x: 100, y: 600, width: 50, height: 50 }]);
		const r = snapMove({ x: 101, y: 100, width: 30, height: 30 }, t, 3);
		const g = r.guides.find((g) => g.position === 100)!;
		expect(g.start).toBe(100);
		expect(g.end).toBe(650);
	});
});

describe('snapResize', () => {
	it('snaps only the moving edge', () => {
		const t = collectSnapTargets(page, []);
		const r = snapResize({ x: 100, y: 100, width: 197, height: 50 }, { right: true }, t, 5);
		expect(r.x).toBe(100);
		expect(r.width).toBe(200); // right edge at 300 = page centre
		expect(r.guides).toHaveLength(1);
	});

	it('keeps the aspect ratio when asked', () => {
		const t = collectSnapTargets(page, []);
		const r = snapResize(
			{ x: 100, y: 100, width: 198, height: 99 },
			{ right: true, bottom: true },
			t,
			5,
			true
		);
		expect(r.width).toBe(200);
		expect(r.height).toBeCloseTo(100, 6);
	});
});

describe('snapAngle', () => {
	it('snaps near multiples of 45°', () => {
		expect(snapAngle(88)).toBe(90);
		expect(snapAngle(80)).toBe(80);
		expect(snapAngle(-46)).toBe(-45);
	});
});
