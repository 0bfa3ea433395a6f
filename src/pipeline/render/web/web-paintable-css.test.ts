import {readFileSync, readdirSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {describe, expect, it} from 'vitest';
import {projectRoot} from '../../project-root';
import {findUnpaintedCss} from './web-paintable-css';

const root = projectRoot();
const sources = (dir: string): string[] =>
	readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sources(path);
		return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
	});

describe('CSS the web renderer paints', () => {
	it('compositions use no CSS that the web painter drops (file:line, property and fix named)', () => {
		// group-opacity.tsx writes text-shadow for what Chrome paints itself; the composer gets filters there.
		const painterAware = join(root, 'src/compositions/components/group-opacity.tsx');
		const files = sources(join(root, 'src/compositions')).filter((file) => file !== painterAware);
		expect(files.length).toBeGreaterThan(10);
		const findings = files.flatMap((file) =>
			findUnpaintedCss(readFileSync(file, 'utf8')).map((f) => `${relative(root, file)}:${f.line}: ${f.property} (${f.fix}): ${f.text}`),
		);
		expect(findings).toEqual([]);
	});

	it('finds each unpainted property and names it', () => {
		const source = [
			'const a = {background: `radial-gradient(circle, ${c}, transparent)`};',
			"const b = {mixBlendMode: 'screen', backdropFilter: 'blur(4px)'};",
			'const c = {background: `linear-gradient(180deg, ${x}, ${y} 45%)`};',
			'const d = {background: `linear-gradient(${angle}, ${x} 0%, ${y} 45%)`};',
			'const e = {background: `linear-gradient(160deg, ${x}, ${y})`};',
			'// radial-gradient( in a comment is fine',
			"const f = {backgroundImage: 'url(a.png)'};",
			'const g = {textShadow: `0 2px 0 ${shade}`, boxShadow: `inset 0 -3px 0 ${accent}`};',
			"import {fade} from '@remotion/transitions/fade';",
			'const h = {boxShadow: `0 4px 8px ${shade}`, background: `linear-gradient(to top, ${a} 0px, ${a} ${w}px, ${b} ${w * 2}px)`};',
			"const i = {fontVariantNumeric: 'tabular-nums'}; measureText({text, fontVariantNumeric: 'tabular-nums'});",
			'const j = {background: `linear-gradient(135deg, ${withAlpha(p.surface, 0.9)} 0%, ${withAlpha(p.primary, 0.35)} 100%)`};',
			'const k = {background: `linear-gradient(180deg, ${p.background} 0%, ${withAlpha(p.surface, 0.55)} 100%)`};',
			'const l = {background: `linear-gradient(0deg, ${withAlpha(p.text, 0.7)} 0%, ${withAlpha(p.text, 0)} 50%, ${p.surface} 50%, transparent 100%)`};',
			'const m = {background: `linear-gradient(to top, ${a} 0px, ${a} ${w}px, transparent ${w}px, transparent 100%)`};',
			'const n = `linear-gradient(${direction}, ${alphaGradientStops(stops)})`;',
			'const o = {transform: `perspective(${w}px) rotateY(${a}deg)`}; const p = {transform: `translateX(${x}px) skewY(2deg) scaleX(0.9) rotate(3deg)`};',
		].join('\n');
		expect(findUnpaintedCss(source).map((f) => [f.line, f.property])).toEqual([
			[1, 'radial-gradient()'],
			[2, 'backdrop-filter'],
			[2, 'mix-blend-mode'],
			[3, 'linear-gradient() stop without a position'],
			[5, 'linear-gradient() stop without a position'],
			[7, 'background url()'],
			[8, 'text-shadow'],
			[8, 'inset box-shadow'],
			[9, 'fade() transition (opacity on a whole scene)'],
			[10, 'linear-gradient() stop at a px position'],
			[11, 'font-variant-numeric'],
			[12, 'linear-gradient() stops that differ in colour and alpha'],
			[13, 'linear-gradient() stops that differ in colour and alpha'],
			[14, 'linear-gradient() stops that differ in colour and alpha'],
			[15, 'linear-gradient() stop at a px position'],
			[17, '3D transform'],
		]);
	});
});
