import type {HeadlessBrowser} from '@remotion/renderer';

/** How often a render empties the page's cache of pictures decoded at raster (docs/architecture.md, "Memory of a render"). */
export const DECODED_PICTURE_PURGE_MS = 2_000;

/** The browser's own DevTools session: Remotion's list of typed commands has no Memory domain. */
type BrowserSession = {send: (method: string, params: object) => Promise<unknown>};

/**
 * Empties, every `everyMs` while a render runs, the cache in which Chrome's compositor keeps the
 * pictures it decoded at raster. Each frame of a clip (@remotion/media draws it into a canvas)
 * becomes a new entry there, width x height x 4 bytes, drawn once and never again; the cache only
 * lets go of entries at 1,000 of them or under memory pressure, so a render's memory grew with the
 * length of its clips (a 640 px clip: 400 MB after 260 frames). A critical memory-pressure signal,
 * sent to every Chrome process through the browser's DevTools session, drops the entries no raster
 * holds at that moment; a picture still on screen is decoded again at its next draw. Returns stop().
 */
export const purgeDecodedPicturesWhileRendering = (browser: HeadlessBrowser, everyMs = DECODED_PICTURE_PURGE_MS): (() => void) => {
	const session = browser.connection as unknown as BrowserSession;
	let sending = false;
	const timer = setInterval(() => {
		if (sending) return;
		sending = true;
		// A browser that is closing or gone answers with an error: nothing to purge then.
		session
			.send('Memory.simulatePressureNotification', {level: 'critical'})
			.catch(() => undefined)
			.finally(() => {
				sending = false;
			});
	}, everyMs);
	timer.unref();
	return () => clearInterval(timer);
};
