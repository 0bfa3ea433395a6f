/** One stop of alphaGradient(): a `#rrggbb` colour, its alpha (default 1) and its position in %. */
export type AlphaStop = {color: string; alpha?: number; at: number};

/** Segments each span between two stops of different colour and alpha is cut into. */
const STEPS = 8;

const rgb = (hex: string): [number, number, number] => {
	const n = Number.parseInt(hex.slice(1), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};

const round = (x: number): number => Math.round(x * 100) / 100;

const rgba = (c: readonly number[], alpha: number, at: number): string =>
	`rgba(${round(c[0] ?? 0)}, ${round(c[1] ?? 0)}, ${round(c[2] ?? 0)}, ${round(alpha)}) ${round(at)}%`;

/**
 * The stops of a linear gradient whose stops differ in both colour and alpha, written so that
 * every renderer draws the same picture. CSS interpolates gradient stops in premultiplied alpha;
 * a canvas gradient (the web renderer's painter, docs/web-fidelity.md) interpolates them straight,
 * so from a dark opaque stop to a light translucent one the canvas midpoint is lighter (listicle's
 * card: up to 18 levels of blue). Each such span is cut into STEPS stops computed in premultiplied
 * space: CSS draws exactly the gradient it drew before, and the canvas's straight interpolation
 * between close stops stays within a level of it. Spans of one colour or one alpha are the same
 * both ways and pass through as they are.
 */
export const alphaGradientStops = (stops: readonly AlphaStop[]): string => {
	const out: string[] = [];
	stops.forEach((stop, i) => {
		const alpha = stop.alpha ?? 1;
		const colour = rgb(stop.color);
		const next = stops[i + 1];
		out.push(rgba(colour, alpha, stop.at));
		if (!next) return;
		const nextAlpha = next.alpha ?? 1;
		const nextColour = rgb(next.color);
		const sameColour = colour.every((v, k) => v === nextColour[k]);
		if (sameColour || alpha === nextAlpha || next.at <= stop.at) return;
		for (let s = 1; s < STEPS; s++) {
			const t = s / STEPS;
			const a = alpha + (nextAlpha - alpha) * t;
			// Premultiplied colour, divided back by the alpha there (a transparent end keeps the other's colour).
			const c = colour.map((v, k) => {
				const premultiplied = v * alpha + ((nextColour[k] ?? 0) * nextAlpha - v * alpha) * t;
				return a > 0 ? premultiplied / a : v;
			});
			out.push(rgba(c, a, stop.at + (next.at - stop.at) * t));
		}
	});
	return out.join(', ');
};

/** `linear-gradient(direction, ...)` with alphaGradientStops(): use it wherever stops differ in colour and alpha. */
export const alphaGradient = (direction: string, stops: readonly AlphaStop[]): string =>
	`linear-gradient(${direction}, ${alphaGradientStops(stops)})`;
