import {afterAll, describe, expect, it} from 'vitest';
import {snapTextLinesLikeChrome} from './snap-text-lines';

/** Stand-ins for the browser's two 2D contexts: each records the baseline it was asked to draw at. */
class FakeContext {
	drawn: number[] = [];
	__promptreelLayerTop?: number;
	fillText(_text: string, _x: number, y: number) {
		this.drawn.push(y);
	}
	strokeText(_text: string, _x: number, y: number) {
		this.drawn.push(y);
	}
}
class FakeOffscreenContext extends FakeContext {}
const globals = globalThis as Record<string, unknown>;
const before = {a: globals.CanvasRenderingContext2D, b: globals.OffscreenCanvasRenderingContext2D};
globals.CanvasRenderingContext2D = FakeContext;
globals.OffscreenCanvasRenderingContext2D = FakeOffscreenContext;
snapTextLinesLikeChrome();
afterAll(() => {
	globals.CanvasRenderingContext2D = before.a;
	globals.OffscreenCanvasRenderingContext2D = before.b;
});

describe('snapTextLinesLikeChrome (text lines on whole CSS pixels, as Chrome paints them)', () => {
	it("rounds the frame canvas's baselines to whole CSS pixels", () => {
		const ctx = new FakeContext();
		ctx.fillText('a', 0, 41.4);
		ctx.strokeText('a', 0, 41.6);
		expect(ctx.drawn).toEqual([41, 42]);
	});

	it("rounds a layer's baselines in page pixels, not from the layer's own fractional top", () => {
		// A layer whose cutout starts at page y 100.6: a line at page y 141.3 is drawn at 40.7 in it.
		const layer = new FakeOffscreenContext();
		layer.__promptreelLayerTop = 100.6;
		layer.fillText('a', 0, 40.7);
		// Page y 141.3 rounds to 141, which is 40.4 in the layer (rounding 40.7 itself would give 41: 141.6 on the page).
		expect(layer.drawn[0]).toBeCloseTo(40.4, 9);
	});
});
