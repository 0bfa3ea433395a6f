import type {HeadlessBrowser} from '@remotion/renderer';

/** A new page of a Remotion-opened browser, with no source maps and no logs: for tests that drive a page themselves. */
export const openBlankPage = (browser: HeadlessBrowser) =>
	browser.newPage({context: () => null, logLevel: 'error', indent: false, pageIndex: 0, onBrowserLog: null, onLog: () => undefined});
