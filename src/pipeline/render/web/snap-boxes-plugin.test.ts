import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import {transform} from 'esbuild';
import {describe, expect, it} from 'vitest';
import {snapBoxesInPainter} from './snap-boxes-plugin';

const painterFile = join(createRequire(import.meta.url).resolve('@remotion/web-renderer/package.json'), '../dist/esm/index.mjs');

/** The injected snap function, run in Node with a DOMRect of plain fields. */
const snapRect = (edited: string): ((r: {left: number; top: number; width: number; height: number}) => DOMRect) => {
	const source = edited.slice(edited.indexOf('var __promptreelSnapRect'), edited.indexOf('var drawElement'));
	class Rect {
		constructor(
			public left: number,
			public top: number,
			public width: number,
			public height: number,
		) {}
	}
	return new Function('DOMRect', `${source}; return __promptreelSnapRect;`)(Rect);
};

describe('snap-boxes plugin (the web painter draws boxes on whole CSS pixels, as Chrome does)', () => {
	const painter = readFileSync(painterFile, 'utf8');

	it('edits the installed @remotion/web-renderer painter and leaves valid JavaScript', async () => {
		const edited = snapBoxesInPainter(painter);
		expect(edited).toContain('const rect = __promptreelSnapRect(__promptreelLayoutRect);');
		// Content (images, canvases) keeps its layout rect.
		expect(edited).toContain('await draw({ dimensions: __promptreelLayoutRect,');
		await expect(transform(edited, {loader: 'js', format: 'esm'})).resolves.toBeTruthy();
	});

	it('rounds each edge to a whole CSS pixel (a box at 30..97.2 paints at 30..97, as measured in Chrome)', () => {
		const snap = snapRect(snapBoxesInPainter(painter));
		expect({...snap({left: 10.4, top: 30, width: 30, height: 67.2})}).toEqual({left: 10, top: 30, width: 30, height: 67});
		expect({...snap({left: 0.6, top: 30.4, width: 29.8, height: 67.2})}).toEqual({left: 1, top: 30, width: 29, height: 68});
	});

	it('fails loudly, naming the file to update, if the painter changed', () => {
		expect(() => snapBoxesInPainter(painter.replace('var drawElement = async ({', 'var drawElement2 = async ({'))).toThrow(
			/found 0\. Did its version change\? Update src\/pipeline\/render\/web\/snap-boxes-plugin\.ts/,
		);
	});
});
