// Browser code for the web render page (docs/web-fidelity.md, "text lines").

type TextDraw = (this: CanvasTextDrawingStyles, text: string, x: number, y: number, maxWidth?: number) => void;

/** A filtered element's layer starts where its cutout does (set by painter-fixes-plugin.ts); 0 on the frame's canvas. */
type LayerContext = CanvasTextDrawingStyles & {__promptreelLayerTop?: number};

const snapped = (draw: TextDraw): TextDraw =>
	function (this: LayerContext, text, x, y, maxWidth) {
		// Rounded in page pixels: a layer's y is relative to its cutout, which may start between pixels.
		const offset = this.__promptreelLayerTop ?? 0;
		const top = Math.round(y + offset) - offset;
		if (maxWidth === undefined) draw.call(this, text, x, top);
		else draw.call(this, text, x, top, maxWidth);
	};

/**
 * Chrome paints each line of text with its top on a whole CSS pixel (Blink's text fragment painter
 * rounds the block-direction offset "to ensure consistent line heights"); @remotion/web-renderer's
 * painter draws each word with `fillText` at its exact fractional layout position. At a draft
 * scale the two then land on different device pixels for some lines and not others: whole lines
 * and words one pixel apart (kinetic 25.7 dB, listicle 26.8 dB). The painter's y is the baseline,
 * its line top plus the font's ascent, which canvas reports in whole pixels as Chrome's layout does,
 * so rounding the baseline rounds the top. Call once in the page, before rendering.
 */
export const snapTextLinesLikeChrome = (): void => {
	for (const proto of [CanvasRenderingContext2D.prototype, OffscreenCanvasRenderingContext2D.prototype]) {
		proto.fillText = snapped(proto.fillText as TextDraw) as typeof proto.fillText;
		proto.strokeText = snapped(proto.strokeText as TextDraw) as typeof proto.strokeText;
	}
};
