import {readFile} from 'node:fs/promises';
import type {Plugin} from 'esbuild';

/** The file of @remotion/web-renderer (4.0.527, pinned) whose element painter this plugin edits. */
const PAINTER_FILE = /[\\/]@remotion[\\/]web-renderer[\\/]dist[\\/]esm[\\/]index\.mjs$/;

/**
 * Chrome paints an element's box (background, border, rounded corners, shadow) on its
 * pixel-snapped rect: each edge rounded to a whole CSS pixel (Blink's PixelSnappedIntRect; measured
 * here at device scale 1/3 and 2/3: a box whose bottom is at 97.2 px ends at 97 px, and a gradient
 * spans the snapped box). @remotion/web-renderer's painter draws the box at its fractional layout
 * rect, so a thin bar or a card edge lands a part of a device pixel away from the capture renderer's
 * (kinetic's `type` bar: 80% of the error of its worst frames, 34.9 dB). The element's content
 * (images, canvases, SVG) keeps the layout rect. Browser code, injected into the painter.
 */
const SNAP_RECT = `var __promptreelSnapRect = (r) => {
  const left = Math.round(r.left), top = Math.round(r.top);
  return new DOMRect(left, top, Math.round(r.left + r.width) - left, Math.round(r.top + r.height) - top);
};
`;

/** [what the painter says, what it says instead]; each must occur exactly once. */
const EDITS: [string, string][] = [
	['var drawElement = async ({\n  rect,\n', `${SNAP_RECT}var drawElement = async ({\n  rect: __promptreelLayoutRect,\n`],
	[
		'  scale\n}) => {\n  const { backgroundImage, backgroundColor, backgroundClip } = computedStyle;\n',
		'  scale\n}) => {\n  const rect = __promptreelSnapRect(__promptreelLayoutRect);\n  const { backgroundImage, backgroundColor, backgroundClip } = computedStyle;\n',
	],
	[
		'await draw({ dimensions: rect, computedStyle, contextToDraw: context });',
		'await draw({ dimensions: __promptreelLayoutRect, computedStyle, contextToDraw: context });',
	],
];

/** Applies EDITS to the painter's source; throws if the painter changed (a Remotion upgrade) so no edit is silently lost. */
export const snapBoxesInPainter = (source: string): string => {
	let out = source;
	for (const [from, to] of EDITS) {
		const count = out.split(from).length - 1;
		if (count !== 1) {
			throw new Error(
				`snap-boxes-plugin: expected one "${from.split('\n')[0]}..." in @remotion/web-renderer, found ${count}. Did its version change? Update src/pipeline/render/web/snap-boxes-plugin.ts.`,
			);
		}
		out = out.replace(from, to);
	}
	return out;
};

/** esbuild plugin for the web render page: paints boxes on whole CSS pixels, as Chrome does (docs/web-fidelity.md). */
export const snapBoxesPlugin: Plugin = {
	name: 'promptreel-snap-boxes',
	setup(build) {
		build.onLoad({filter: PAINTER_FILE}, async (args) => ({
			contents: snapBoxesInPainter(await readFile(args.path, 'utf8')),
			loader: 'js',
		}));
	},
};
