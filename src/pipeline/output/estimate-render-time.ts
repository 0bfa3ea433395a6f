import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {projectRoot} from '../project-root';

/** A render speed measured by `promptreel bench` (bench/results.md): explainer frames per second at a size. */
export type MeasuredSpeed = {width: number; height: number; fps: number};

/**
 * When bench/results.md is missing (an installed package without it): the median of its figures on
 * the reference machine, 12.4 fps at 1280x720 (bench/results.md, 2026-11-25).
 */
const FALLBACK: MeasuredSpeed = {width: 1280, height: 720, fps: 12.4};
/** Browser start and bundle lookup, measured once per render (bench/results.md: "bundle cached ms" plus launch). */
const STARTUP_S = 2;

let cached: MeasuredSpeed[] | null = null;

/** The explainer fps rows of bench/results.md (`| date | WxH | frames | explainer fps | ...`). */
export const measuredSpeeds = (): MeasuredSpeed[] => {
	if (cached) return cached;
	let text = '';
	try {
		text = readFileSync(join(projectRoot(), 'bench/results.md'), 'utf8');
	} catch {
		// No bench results shipped: the fallback figure below.
	}
	const rows: MeasuredSpeed[] = [];
	for (const line of text.split('\n')) {
		const m = /^\|[^|]*\|\s*(\d+)x(\d+)\s*\|\s*\d+\s*\|\s*([\d.]+)\s*\|/.exec(line);
		if (m) rows.push({width: Number(m[1]), height: Number(m[2]), fps: Number(m[3])});
	}
	cached = rows.length > 0 ? rows : [FALLBACK];
	return cached;
};

export type RenderTimeEstimate = {seconds: number; fps: number; basis: string};

/**
 * About how long rendering `frames` frames of `width`x`height` takes on this kind of machine: the
 * median measured fps of the nearest measured size, scaled by the square root of the pixel ratio
 * (drawing costs grow with pixels, the per-frame overhead does not), plus browser start. A guide,
 * not a promise: the machine and its load change it (bench/results.md).
 */
export const estimateRenderTime = (o: {frames: number; width: number; height: number}): RenderTimeEstimate => {
	const rows = measuredSpeeds();
	const pixels = o.width * o.height;
	const nearest = rows.reduce((best, r) =>
		Math.abs(Math.log((r.width * r.height) / pixels)) < Math.abs(Math.log((best.width * best.height) / pixels)) ? r : best,
	);
	const same = rows
		.filter((r) => r.width === nearest.width && r.height === nearest.height)
		.map((r) => r.fps)
		.sort((a, b) => a - b);
	const median = same[Math.floor(same.length / 2)] ?? nearest.fps;
	const fps = median * Math.sqrt((nearest.width * nearest.height) / pixels);
	return {
		seconds: Math.round((o.frames / fps + STARTUP_S) * 10) / 10,
		fps: Math.round(fps * 10) / 10,
		basis: `explainer at ${median} fps for ${nearest.width}x${nearest.height} in bench/results.md (${same.length} run${same.length === 1 ? '' : 's'}), scaled to ${o.width}x${o.height}`,
	};
};
