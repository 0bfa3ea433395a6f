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

/**
 * An element with a CSS filter (our group opacity and text shadow for the composer, group-opacity.tsx) is drawn
 * into a layer first, the layer then drawn through the element's transform. The painter sizes the
 * layer's canvas with Math.ceil but draws it back into the unrounded rect, so the layer is squeezed
 * by up to a device pixel; and its cutout starts on a whole CSS pixel, which at device scale 1/2 or
 * 1/3 is part of the way through a device pixel, so every pixel of the layer is resampled. Both show
 * on a caption page while it fades in (audiogram landscape: 34.3 dB, 13 frames below 38). Under a
 * transform that only moves the element (no scale, rotation or skew) the cutout's origin is moved
 * back to the device pixel it falls in, so the layer lands on the device grid and drawing it is a
 * copy; under any other 2D transform the layer keeps its origin. In both cases it is drawn at its
 * own size. Browser code, injected into the painter.
 */
const ALIGN_LAYER = `var __promptreelAlignLayer = (cutout, m, parentRect, scale) => {
  if (!(m.a === 1 && m.b === 0 && m.c === 0 && m.d === 1)) return cutout;
  const x = Math.floor((cutout.left + m.e - parentRect.x) * scale + 1e-6) / scale - m.e + parentRect.x;
  const y = Math.floor((cutout.top + m.f - parentRect.y) * scale + 1e-6) / scale - m.f + parentRect.y;
  return new DOMRect(x, y, cutout.right - x, cutout.bottom - y);
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
	['// src/drawing/process-node.ts\nvar processNode = async ({\n', `${ALIGN_LAYER}var processNode = async ({\n`],
	[
		'      if (!precomposeRect) {\n        throw new Error("Precompose rect not found");\n      }\n',
		'      if (!precomposeRect) {\n        throw new Error("Precompose rect not found");\n      }\n      if (!precompositing.needs3DTransformViaWebGL) {\n        precomposeRect = __promptreelAlignLayer(precomposeRect, totalMatrix, parentRect, scale);\n      }\n',
	],
	[
		'const destinationRect = is3DPrecomposition ? rectAfterTransforms : precomposeRect;',
		'const destinationRect = is3DPrecomposition ? rectAfterTransforms : new DOMRect(precomposeRect.left, precomposeRect.top, drawable.width / scale, drawable.height / scale);',
	],
	// A layer's text is drawn relative to its cutout, which now may start on a fractional CSS pixel:
	// the page's text-line snapping (page/snap-text-lines.ts) reads where, to round in page pixels.
	[
		'  const canvas = new OffscreenCanvas(scaledWidth, scaledHeight);\n  const context = canvas.getContext("2d");\n  if (!context) {\n    throw new Error("Could not get context");\n  }\n',
		'  const canvas = new OffscreenCanvas(scaledWidth, scaledHeight);\n  const context = canvas.getContext("2d");\n  if (!context) {\n    throw new Error("Could not get context");\n  }\n  context.__promptreelLayerTop = cutout.top;\n',
	],
];

/** Applies EDITS to the painter's source; throws if the painter changed (a Remotion upgrade) so no edit is silently lost. */
export const fixPainter = (source: string): string => {
	let out = source;
	for (const [from, to] of EDITS) {
		const count = out.split(from).length - 1;
		if (count !== 1) {
			throw new Error(
				`painter-fixes-plugin: expected one "${from.split('\n')[0]}..." in @remotion/web-renderer, found ${count}. Did its version change? Update src/pipeline/render/web/painter-fixes-plugin.ts.`,
			);
		}
		out = out.replace(from, to);
	}
	return out;
};

/**
 * esbuild plugin for the web render page: paints boxes on whole CSS pixels, as Chrome does, and
 * draws filtered layers on the device grid at their own size (docs/web-fidelity.md).
 */
export const painterFixesPlugin: Plugin = {
	name: 'promptreel-painter-fixes',
	setup(build) {
		build.onLoad({filter: PAINTER_FILE}, async (args) => ({
			contents: fixPainter(await readFile(args.path, 'utf8')),
			loader: 'js',
		}));
	},
};
