import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import {transform} from 'esbuild';
import {describe, expect, it} from 'vitest';
import {fixPainter} from './painter-fixes-plugin';

const painterFile = join(createRequire(import.meta.url).resolve('@remotion/web-renderer/package.json'), '../dist/esm/index.mjs');

class Rect {
	constructor(
		public left: number,
		public top: number,
		public width: number,
		public height: number,
	) {}
	get right() {
		return this.left + this.width;
	}
	get bottom() {
		return this.top + this.height;
	}
	get x() {
		return this.left;
	}
	get y() {
		return this.top;
	}
}
type PlainRect = {left: number; top: number; width: number; height: number};
const plain = (r: PlainRect): PlainRect => ({left: r.left, top: r.top, width: r.width, height: r.height});

/** One injected function (source from `name` up to `before`), run in Node with a DOMRect of plain fields. */
const injected = <F>(edited: string, name: string, before: string): F => {
	const source = edited.slice(edited.indexOf(`var ${name}`), edited.indexOf(before));
	return new Function('DOMRect', `${source}; return ${name};`)(Rect);
};
const snapRect = (edited: string) => injected<(r: PlainRect) => PlainRect>(edited, '__promptreelSnapRect', 'var drawElement');
type Matrix = {a: number; b: number; c: number; d: number; e: number; f: number};
const alignLayer = (edited: string) =>
	injected<(cutout: Rect, m: Matrix, parentRect: Rect, scale: number) => PlainRect>(edited, '__promptreelAlignLayer', 'var processNode');

describe('painter-fixes plugin (the web painter draws boxes on whole CSS pixels and filtered layers on the device grid)', () => {
	const painter = readFileSync(painterFile, 'utf8');

	it('edits the installed @remotion/web-renderer painter and leaves valid JavaScript', async () => {
		const edited = fixPainter(painter);
		expect(edited).toContain('const rect = __promptreelSnapRect(__promptreelLayoutRect);');
		// Content (images, canvases) keeps its layout rect.
		expect(edited).toContain('await draw({ dimensions: __promptreelLayoutRect,');
		await expect(transform(edited, {loader: 'js', format: 'esm'})).resolves.toBeTruthy();
	});

	it('rounds each edge to a whole CSS pixel (a box at 30..97.2 paints at 30..97, as measured in Chrome)', () => {
		const snap = snapRect(fixPainter(painter));
		expect(plain(snap({left: 10.4, top: 30, width: 30, height: 67.2}))).toEqual({left: 10, top: 30, width: 30, height: 67});
		expect(plain(snap({left: 0.6, top: 30.4, width: 29.8, height: 67.2}))).toEqual({left: 1, top: 30, width: 29, height: 68});
	});

	it('draws a filtered layer at its own size, not squeezed into its unrounded rect', () => {
		const edited = fixPainter(painter);
		expect(edited).toContain('new DOMRect(precomposeRect.left, precomposeRect.top, drawable.width / scale, drawable.height / scale)');
		expect(edited).toContain('precomposeRect = __promptreelAlignLayer(precomposeRect, totalMatrix, parentRect, scale);');
		// The layer's canvas carries where its cutout starts, for the page's text-line snapping.
		expect(edited).toContain('context.__promptreelLayerTop = cutout.top;');
	});

	it('moves a translated layer back onto the device grid, and leaves a scaled one where it is', () => {
		const align = alignLayer(fixPainter(painter));
		const translate = (e: number, f: number): Matrix => ({a: 1, b: 0, c: 0, d: 1, e, f});
		const root = new Rect(0, 0, 1280, 720);
		// Device scale 1/2: CSS 101 is device 50.5, so the layer starts at CSS 100 (device 50).
		expect(plain(align(new Rect(101, 40, 200, 50), translate(0, 0), root, 0.5))).toEqual({left: 100, top: 40, width: 201, height: 50});
		// A translate of 0.8 px at scale 1/3: CSS 30 + 0.8 is device 10.27, back to device 10 (CSS 29.2 after the move).
		const moved = align(new Rect(30, 0, 60, 30), translate(0.8, 0), root, 1 / 3);
		expect(moved.left).toBeCloseTo(29.2, 6);
		expect(moved.left + moved.width).toBeCloseTo(90, 6);
		// Inside a parent layer, the grid is the parent layer's (its cutout starts at CSS 7).
		expect(align(new Rect(10, 10, 20, 20), translate(0, 0), new Rect(7, 7, 100, 100), 0.5).left).toBeCloseTo(9, 6);
		const scaled = new Rect(101, 40, 200, 50);
		expect(align(scaled, {a: 0.9, b: 0, c: 0, d: 0.9, e: 3, f: 2}, root, 0.5)).toBe(scaled);
	});

	it('fails loudly, naming the file to update, if the painter changed', () => {
		expect(() => fixPainter(painter.replace('var drawElement = async ({', 'var drawElement2 = async ({'))).toThrow(
			/found 0\. Did its version change\? Update src\/pipeline\/render\/web\/painter-fixes-plugin\.ts/,
		);
	});
});
