import {renderToStaticMarkup} from 'react-dom/server';
import {describe, expect, it} from 'vitest';
import {EdgeScrim} from './edge-scrim';

const styleOf = (markup: string) => /style="([^"]*)"/.exec(markup)?.[1] ?? '';

describe('EdgeScrim', () => {
	it('is a band as deep as its fade against its edge, in a layer of its own', () => {
		const style = styleOf(renderToStaticMarkup(<EdgeScrim edge="bottom" color="#000000" alpha={0.72} extent={0.48} />));
		expect(style).toContain('top:auto');
		expect(style).toContain('height:48%');
		expect(style).toContain('will-change:transform');
		// From the colour on the edge to clear at the band's far side (= extent of the frame).
		expect(style).toMatch(/linear-gradient\(0deg, rgba\(0, 0, 0, 0\.72\) 0%, rgba\(0, 0, 0, 0\) 100%\)/);
	});

	it('runs across the frame from a side edge', () => {
		const style = styleOf(renderToStaticMarkup(<EdgeScrim edge="right" color="#0f172a" alpha={0.75} extent={0.7} />));
		expect(style).toContain('left:auto');
		expect(style).toContain('width:70%');
		expect(style).toMatch(/linear-gradient\(270deg, rgba\(15, 23, 42, 0\.75\) 0%, rgba\(15, 23, 42, 0\) 100%\)/);
		const top = styleOf(renderToStaticMarkup(<EdgeScrim edge="top" color="#000000" alpha={0.5} extent={0.45} />));
		expect(top).toContain('bottom:auto');
		expect(top).toMatch(/linear-gradient\(180deg/);
	});
});
