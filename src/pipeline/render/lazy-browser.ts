import {openBrowser, type HeadlessBrowser, type LogLevel} from '@remotion/renderer';
import {BrowserNotFoundError} from '../errors';
import {CHROMIUM_OPTIONS, resolveBrowserExecutableSync} from './browser';

/** One headless Chromium a renderer opens on first use and shares between its renders. */
export type LazyBrowser = {
	/** The executable it uses; throws BrowserNotFoundError when there is none. */
	executable: () => string;
	/** The browser, opened on the first call; a failed start is retried on the next call. */
	get: () => Promise<HeadlessBrowser>;
	/** Closes it if it was opened; the next get() opens a new one. */
	close: () => Promise<void>;
};

export const lazyBrowser = (o: {browserExecutable?: string | null; logLevel: LogLevel}): LazyBrowser => {
	let browser: Promise<HeadlessBrowser> | null = null;
	const executable = (): string => {
		const path = o.browserExecutable === undefined ? resolveBrowserExecutableSync() : o.browserExecutable;
		if (!path) throw new BrowserNotFoundError('none of REMOTION_BROWSER_EXECUTABLE or a system Chromium');
		return path;
	};
	return {
		executable,
		get: () => {
			if (!browser) {
				const path = executable();
				browser = openBrowser('chrome', {browserExecutable: path, chromiumOptions: CHROMIUM_OPTIONS, logLevel: o.logLevel}).catch(
					(error: unknown) => {
						browser = null;
						throw new BrowserNotFoundError(`${path} failed to start: ${error instanceof Error ? error.message : String(error)}`);
					},
				);
			}
			return browser;
		},
		close: async () => {
			const b = browser;
			browser = null;
			await b?.then((x) => x.close({silent: true})).catch(() => undefined);
		},
	};
};
