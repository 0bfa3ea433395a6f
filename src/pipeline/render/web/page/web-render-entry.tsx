// The page the web renderer drives: it renders one storyboard with @remotion/web-renderer (the page
// paints itself onto a canvas and encodes with WebCodecs) and sends the encoded file to the
// loopback page server in chunks. Browser code: imports only compositions, react and @remotion/*.
import {renderMediaOnWeb, renderStillOnWeb} from '@remotion/web-renderer';
import type React from 'react';
import {GroupEffectsContext} from '../../../../compositions/components/group-opacity';
import {MediaEngineContext} from '../../../../compositions/components/media-engine';
import {findTemplate} from '../../../../compositions/registry';
import type {StoryboardInput} from '../../../../compositions/storyboard';
import type {WebPageRenderRequest, WebPageRenderResult, WebPageStillRequest, WebPaint} from './protocol';
import {snapTextLinesLikeChrome} from './snap-text-lines';

declare global {
	interface Window {
		promptreelRender?: (request: WebPageRenderRequest) => Promise<WebPageRenderResult>;
		promptreelStill?: (request: WebPageStillRequest) => Promise<WebPageRenderResult>;
		promptreelAbort?: () => void;
		promptreelRefused?: string[];
	}
}

const isLoopback = (url: URL): boolean =>
	url.protocol === 'data:' || url.protocol === 'blob:' || ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

// Remotion's usage report (a POST to remotion.pro after every render) has no off switch in
// renderMediaOnWeb, so the page refuses any non-loopback fetch before it is made: renders work
// offline and nothing leaves the machine. The Node side also blocks and counts such requests.
const refused: string[] = [];
window.promptreelRefused = refused;
const originalFetch = window.fetch.bind(window);
window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
	const url = new URL(input instanceof Request ? input.url : String(input), window.location.href);
	if (!isLoopback(url)) {
		refused.push(url.origin + url.pathname);
		return Promise.reject(new Error(`promptreel renders offline: refused a request to ${url.origin}`));
	}
	return originalFetch(input, init);
};
window.addEventListener('unhandledrejection', (event) => {
	// The usage report is sent without awaiting it; its refusal is expected, not an error.
	if (String(event.reason).includes('promptreel renders offline')) event.preventDefault();
});

// Text lines on whole pixels as Chrome paints them (snap-text-lines.ts).
snapTextLinesLikeChrome();

let controller: AbortController | null = null;
window.promptreelAbort = () => controller?.abort();

/** Sends one encoded chunk to where it belongs in the output file; awaited, so it back-pressures. */
const upload = async (uploadUrl: string, position: number, data: Uint8Array): Promise<void> => {
	const res = await originalFetch(`${uploadUrl}?position=${position}`, {method: 'POST', body: data as BodyInit});
	if (!res.ok) throw new Error(`Upload of ${data.byteLength} bytes at ${position} failed: HTTP ${res.status}`);
};

const postProgress = (progressUrl: string, progress: number): void => {
	void originalFetch(progressUrl, {method: 'POST', body: JSON.stringify({progress})}).catch(() => undefined);
};

/** A template's component under the web media engine, and its composition for the web renderer. */
const webComposition = async (request: {templateId: string; paint: WebPaint; inputProps: StoryboardInput}) => {
	const template = findTemplate(request.templateId);
	if (!template) throw new Error(`Unknown template "${request.templateId}"`);
	const {default: Template} = await template.lazyComponent();
	// The composer draws group opacity and text shadows as CSS filters; Chromium's own paint as CSS (group-opacity.tsx).
	const effects = request.paint === 'composer' ? 'filter' : 'css';
	const Component: React.FC<StoryboardInput> = (props) => (
		<MediaEngineContext.Provider value="web">
			<GroupEffectsContext.Provider value={effects}>
				<Template {...props} />
			</GroupEffectsContext.Provider>
		</MediaEngineContext.Provider>
	);
	return {
		component: Component,
		id: template.id,
		calculateMetadata: template.calculateMetadata,
		defaultProps: request.inputProps,
	};
};

/** Chromium's own paint is asked for by name: a browser without it must not get the other painter's picture. */
const assertPaintAvailable = (paint: WebPaint) => {
	const context = document.createElement('canvas').getContext('2d') as (CanvasRenderingContext2D & {drawElementImage?: unknown}) | null;
	if (paint === 'html-in-canvas' && typeof context?.drawElementImage !== 'function') {
		throw new Error(
			'This browser has no HTML-in-canvas (drawElementImage; Chromium feature CanvasDrawElement), which this template is gated on',
		);
	}
};

window.promptreelRender = async (request) => {
	assertPaintAvailable(request.paint);
	// Read once by @remotion/media, at its first clip: a page without it keeps up to 1 GB of decoded frames.
	window.remotion_mediaCacheSizeInBytes = request.mediaCacheSizeInBytes;
	const composition = await webComposition(request);
	controller = new AbortController();
	let lastProgress = -1;
	const output = new WritableStream<{type: 'write'; data: Uint8Array; position: number}>({
		write: (chunk) => upload(request.uploadUrl, chunk.position, chunk.data),
	});
	const started = performance.now();
	await renderMediaOnWeb({
		composition,
		inputProps: request.inputProps,
		container: 'mp4',
		videoCodec: 'h264',
		audioCodec: request.muted ? null : 'aac',
		muted: request.muted,
		videoBitrate: request.videoBitrate,
		scale: request.scale,
		frameRange: request.frameRange,
		outputWritable: output,
		licenseKey: request.licenseKey,
		logLevel: request.logLevel,
		// Nothing else runs in this page: yielding to it between frames only costs time.
		pageResponsiveness: 'disabled',
		allowHtmlInCanvas: request.paint === 'html-in-canvas',
		signal: controller.signal,
		onProgress: (p) => {
			const rounded = Math.floor(p.progress * 50) / 50;
			if (rounded > lastProgress) {
				lastProgress = rounded;
				postProgress(request.progressUrl, p.progress);
			}
		},
	});
	return {renderMs: performance.now() - started, refusedRequests: [...refused]};
};

window.promptreelStill = async (request) => {
	assertPaintAvailable(request.paint);
	const composition = await webComposition(request);
	controller = new AbortController();
	const started = performance.now();
	const still = await renderStillOnWeb({
		composition,
		inputProps: request.inputProps,
		frame: request.frame,
		scale: request.scale,
		allowHtmlInCanvas: request.paint === 'html-in-canvas',
		licenseKey: request.licenseKey,
		logLevel: request.logLevel,
		signal: controller.signal,
	});
	const jpeg = await still.blob({format: 'jpeg', quality: request.jpegQuality});
	await upload(request.uploadUrl, 0, new Uint8Array(await jpeg.arrayBuffer()));
	return {renderMs: performance.now() - started, refusedRequests: [...refused]};
};
