// What Node sends to the web render page and what it answers (plain JSON both ways).
import type {StoryboardInput} from '../../../../compositions/storyboard';

/**
 * How the page paints a frame: `composer`, @remotion/web-renderer's own DOM painter (walks the
 * elements and draws each on a canvas); `html-in-canvas`, Chromium's own paint of the page
 * (`drawElementImage`, `allowHtmlInCanvas`; the browser has the CanvasDrawElement feature on).
 * The fidelity gate picks one per template (docs/web-fidelity.md).
 */
export type WebPaint = 'composer' | 'html-in-canvas';

export type WebPageRenderRequest = {
	templateId: string;
	paint: WebPaint;
	/** The storyboard with media URLs on the loopback media server. */
	inputProps: StoryboardInput;
	scale: number;
	/** Bits per second of the H.264 stream. */
	videoBitrate: number;
	/** true: no audio track (the audio is rendered and muxed another way). */
	muted: boolean;
	/** Inclusive frame range, or null for the whole video. */
	frameRange: [number, number] | null;
	/** Where the page POSTs each encoded chunk (`?position=` gives its byte offset in the file). */
	uploadUrl: string;
	progressUrl: string;
	licenseKey: string | null;
	logLevel: 'error' | 'warn' | 'info' | 'verbose';
	/** Bytes of decoded clip frames @remotion/media may keep (media-cache-budget.ts). */
	mediaCacheSizeInBytes: number;
};

/** One frame as a JPEG (the poster), sent to `uploadUrl` in one POST at position 0. */
export type WebPageStillRequest = Pick<
	WebPageRenderRequest,
	'templateId' | 'paint' | 'inputProps' | 'scale' | 'uploadUrl' | 'licenseKey' | 'logLevel'
> & {
	frame: number;
	/** JPEG quality, 0..1. */
	jpegQuality: number;
};

export type WebPageRenderResult = {
	renderMs: number;
	/** Non-loopback requests the page refused to make (Remotion's usage report). */
	refusedRequests: string[];
};
