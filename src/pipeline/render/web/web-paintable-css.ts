/**
 * CSS that @remotion/web-renderer 4.0.527's painter does not draw, found by reading its source
 * (dist/esm/index.mjs): backgrounds are drawn only from the first `linear-gradient(` or a colour,
 * and it never reads blend modes, backdrop filters, border images or image-rendering. Such CSS is
 * dropped without an error, so the web renderer's video silently differs from the capture one.
 * Also CSS it draws differently, found by comparing the two renderers' frames (docs/web-fidelity.md):
 * text-shadow, inset box-shadow, a fade transition's group opacity and tabular figures.
 */
export const UNPAINTED_CSS: readonly {pattern: RegExp; property: string; fix: string}[] = [
	{pattern: /radial-gradient\(/, property: 'radial-gradient()', fix: 'draw it as SVG (components/radial-gradient-svg.tsx)'},
	{pattern: /conic-gradient\(/, property: 'conic-gradient()', fix: 'draw it as SVG'},
	{pattern: /repeating-linear-gradient\(/, property: 'repeating-linear-gradient()', fix: 'draw it as SVG (a <pattern>)'},
	{
		pattern: /background(?:Image)?\s*:\s*[`'"][^`'"]*url\(|background(?:-image)?\s*:[^;]*url\(/,
		property: 'background url()',
		fix: 'use an <Img>',
	},
	{pattern: /backdropFilter|backdrop-filter/, property: 'backdrop-filter', fix: 'pre-render the effect, or a translucent fill'},
	{pattern: /mixBlendMode|mix-blend-mode/, property: 'mix-blend-mode', fix: 'blend the colours yourself (withAlpha)'},
	{pattern: /backgroundBlendMode|background-blend-mode/, property: 'background-blend-mode', fix: 'blend the colours yourself'},
	{pattern: /borderImage|border-image/, property: 'border-image', fix: 'draw it as SVG'},
	{pattern: /imageRendering|image-rendering/, property: 'image-rendering', fix: 'the web painter always smooths images'},
	// Not dropped but fatal: the painter draws a 3D transform only through WebGL, which headless
	// Chromium without a GPU lacks, so the whole web render fails ("WebGL not supported").
	{
		pattern:
			/\b(?:perspective|rotate[XY]|rotate3d|translateZ|translate3d|scaleZ|scale3d|matrix3d)\(|perspective\s*:|transformStyle|transform-style/,
		property: '3D transform',
		fix: 'a 2D transform (promo/feature-scene.tsx turns its card with scaleX and skewY): the web painter needs WebGL for 3D',
	},
	// Drawn, but not as CSS draws it (docs/web-fidelity.md): each is a whole-frame difference in the gate.
	{
		pattern: /textShadow\s*:|text-shadow\s*:/,
		property: 'text-shadow',
		fix: 'textShadowStyle() of useGroupEffects() (components/group-opacity.tsx): the composer draws every glyph twice, so edges come out heavier',
	},
	{
		pattern: /boxShadow\s*:[^,}\n]*\binset\b|box-shadow\s*:[^;]*\binset\b/,
		property: 'inset box-shadow',
		fix: 'a linear-gradient background or a border: the painter skips inset shadows',
	},
	{
		pattern: /@remotion\/transitions\/fade['"]/,
		property: 'fade() transition (opacity on a whole scene)',
		fix: 'groupFade() (components/group-opacity.tsx): the composer fades each element on its own, so a scene shows through itself',
	},
	{
		// CSS only: a measureText({fontVariantNumeric}) call measures, it does not paint.
		pattern: /(?<!measureText\(\{[^}]*)(?:fontVariantNumeric|font-variant-numeric)/,
		property: 'font-variant-numeric',
		fix: 'TabularDigits (components/tabular-digits.tsx): the painter draws words with canvas text, which has no tabular figures',
	},
	// Two layers in one background: the painter draws only the first gradient.
	{
		pattern: /gradient\([^`]*\)\s*,\s*(?:linear|radial|conic)-gradient\(/,
		property: 'several background layers',
		fix: 'one element per layer',
	},
];

export type UnpaintedCssFinding = {line: number; property: string; fix: string; text: string};

/** Removes comments, keeping line numbers (a comment may describe the CSS it replaces). */
const stripComments = (source: string): string =>
	source.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

/** The top-level comma-separated parts of a string (commas inside (), ${} and [] do not split). */
const splitTopLevel = (text: string): string[] => {
	const parts: string[] = [];
	let depth = 0;
	let start = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '(' || c === '{' || c === '[') depth++;
		else if (c === ')' || c === '}' || c === ']') depth--;
		else if (c === ',' && depth === 0) {
			parts.push(text.slice(start, i).trim());
			start = i + 1;
		}
	}
	parts.push(text.slice(start).trim());
	return parts;
};

/** The argument text of each `linear-gradient(...)` in a source, with the line it starts on. */
const linearGradients = (source: string): {line: number; args: string}[] => {
	const found: {line: number; args: string}[] = [];
	for (const m of source.matchAll(/(?<!repeating-)linear-gradient\(/g)) {
		const open = (m.index ?? 0) + m[0].length;
		let depth = 0;
		for (let i = open; i < source.length; i++) {
			const c = source[i];
			if (c === '(' || c === '{') depth++;
			else if (c === '}') depth--;
			else if (c === ')') {
				if (depth === 0) {
					found.push({line: source.slice(0, m.index).split('\n').length, args: source.slice(open, i)});
					break;
				}
				depth--;
			}
		}
	}
	return found;
};

const DIRECTION = /^(to\s|-?[\d.]+(deg|rad|grad|turn)$|\$\{[^}]*\}(deg|rad|grad|turn)$|\$\{[^}]*(angle|Angle|direction)[^}]*\}$)/;
const HAS_POSITION = /\s(-?[\d.]+|\$\{[^}]*\})(%|px)$/;
/** alphaGradient()'s own stop list (components/alpha-gradient.ts): it writes a position on every stop. */
const HELPER_STOPS = /^\$\{alphaGradientStops\(/;

/** A stop's colour and alpha as written in the source: `${withAlpha(c, a)}`, `transparent`, or any other colour (alpha 1). */
const stopColour = (stop: string): {colour: string; alpha: string; position: string} => {
	const position = HAS_POSITION.exec(stop)?.[0]?.trim() ?? '';
	const colour = position ? stop.slice(0, stop.length - position.length).trim() : stop;
	const alpha = /^\$\{withAlpha\((.+),\s*([^,]+)\)\}$/.exec(colour);
	if (alpha) return {colour: (alpha[1] ?? '').trim(), alpha: (alpha[2] ?? '').trim(), position};
	const rgba = /^rgba\(([^,]+,[^,]+,[^,]+),\s*([^)]+)\)$/.exec(colour);
	if (rgba) return {colour: (rgba[1] ?? '').replace(/\s/g, ''), alpha: (rgba[2] ?? '').trim(), position};
	if (colour === 'transparent') return {colour, alpha: '0', position};
	return {colour, alpha: '1', position};
};

/**
 * Two neighbouring stops of different colour and different alpha, with room between them: CSS
 * interpolates them in premultiplied alpha, a canvas gradient (the painter) straight, so the
 * web picture is lighter or darker between them (listicle's card: 34.8 dB). Stops of one colour
 * (a colour fading out) or one alpha are the same both ways.
 */
const mixesAlpha = (stops: string[]): boolean =>
	stops.some((stop, i) => {
		const next = stops[i + 1];
		if (next === undefined) return false;
		const a = stopColour(stop);
		const b = stopColour(next);
		return a.colour !== b.colour && a.alpha !== b.alpha && (a.position === '' || a.position !== b.position);
	});

/**
 * Where a composition source uses CSS the web painter drops, linear gradients with a stop
 * without a position (the painter spreads unpositioned stops evenly up to the first positioned
 * one, so `a, b 45%` starts fading at 22.5% instead of 0%, which CSS does not; so every stop has
 * one), and linear gradients whose neighbouring stops differ in both colour and alpha.
 */
export const findUnpaintedCss = (source: string): UnpaintedCssFinding[] => {
	const code = stripComments(source);
	const lines = code.split('\n');
	const findings: UnpaintedCssFinding[] = [];
	for (const rule of UNPAINTED_CSS) {
		const global = new RegExp(rule.pattern.source, 'g');
		// One finding per line and rule (`perspective(...) rotateY(...)` is one 3D transform).
		const seen = new Set<number>();
		for (const m of code.matchAll(global)) {
			const line = code.slice(0, m.index).split('\n').length;
			if (seen.has(line)) continue;
			seen.add(line);
			findings.push({line, property: rule.property, fix: rule.fix, text: (lines[line - 1] ?? '').trim()});
		}
	}
	for (const g of linearGradients(code)) {
		const parts = splitTopLevel(g.args);
		const stops = parts[0] && DIRECTION.test(parts[0]) ? parts.slice(1) : parts;
		const positioned = stops.filter((s) => HAS_POSITION.test(s) || HELPER_STOPS.test(s)).length;
		// Every stop needs a position (docs/templates.md): a painter that spreads unpositioned stops
		// differently from CSS draws another picture, and an all-unpositioned gradient invites the mix.
		if (stops.length > 0 && positioned < stops.length) {
			findings.push({
				line: g.line,
				property: 'linear-gradient() stop without a position',
				fix: 'give every stop a position (0% ... 100%)',
				text: (lines[g.line - 1] ?? '').trim(),
			});
		}
		// The painter reads a px position as none (parseColorStops: `position = null` for px), so it spreads
		// such stops evenly: kinetic's 0.1 em bar filled the whole word (19 dB).
		if (stops.some((stop) => /\s(-?[\d.]+|\$\{[^}]*\})px$/.test(stop))) {
			findings.push({
				line: g.line,
				property: 'linear-gradient() stop at a px position',
				fix: 'give the position in % of the box (the web painter ignores px stop positions)',
				text: (lines[g.line - 1] ?? '').trim(),
			});
		}
		if (mixesAlpha(stops)) {
			findings.push({
				line: g.line,
				property: 'linear-gradient() stops that differ in colour and alpha',
				fix: 'alphaGradient() (components/alpha-gradient.ts): CSS interpolates stops premultiplied, the painter straight',
				text: (lines[g.line - 1] ?? '').trim(),
			});
		}
	}
	return findings.sort((a, b) => a.line - b.line);
};
