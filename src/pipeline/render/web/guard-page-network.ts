import type {HeadlessBrowser} from '@remotion/renderer';

/** A page of Remotion's browser (its puppeteer fork does not export the class). */
export type BrowserPage = Awaited<ReturnType<HeadlessBrowser['newPage']>>;

/** The Chrome DevTools Protocol session of a page, untyped: Remotion types only the commands it uses. */
type LooseSession = {
	send(method: string, params?: Record<string, unknown>): Promise<unknown>;
	on(event: string, handler: (event: never) => void): unknown;
	off(event: string, handler: (event: never) => void): unknown;
};

type RequestPaused = {requestId: string; request: {url: string}};
type RequestWillBeSent = {request: {url: string}};

export type NetworkGuard = {
	/** Non-loopback requests the page started (each one was failed before it left the machine). */
	outbound(): string[];
	dispose(): Promise<void>;
};

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether a URL stays on this machine (loopback servers, data: and blob: URLs). */
export const isLoopbackUrl = (raw: string): boolean => {
	try {
		const url = new URL(raw);
		return url.protocol === 'data:' || url.protocol === 'blob:' || LOOPBACK_HOSTS.has(url.hostname);
	} catch {
		return false;
	}
};

/**
 * Lets a page reach only loopback: every request is paused (DevTools `Fetch` domain) and either
 * continued (loopback) or failed as blocked by the client, and every non-loopback request the
 * page starts is recorded, so a test can assert that a render tried to reach nothing outside.
 */
export const guardPageNetwork = async (page: BrowserPage): Promise<NetworkGuard> => {
	const session = page._client() as unknown as LooseSession;
	const outbound: string[] = [];
	const onPaused = (event: RequestPaused) => {
		if (isLoopbackUrl(event.request.url)) {
			void session.send('Fetch.continueRequest', {requestId: event.requestId}).catch(() => undefined);
			return;
		}
		if (!outbound.includes(event.request.url)) outbound.push(event.request.url);
		void session.send('Fetch.failRequest', {requestId: event.requestId, errorReason: 'BlockedByClient'}).catch(() => undefined);
	};
	const onWillBeSent = (event: RequestWillBeSent) => {
		if (!isLoopbackUrl(event.request.url) && !outbound.includes(event.request.url)) outbound.push(event.request.url);
	};
	session.on('Fetch.requestPaused', onPaused as (e: never) => void);
	session.on('Network.requestWillBeSent', onWillBeSent as (e: never) => void);
	await session.send('Fetch.enable', {patterns: [{urlPattern: '*', requestStage: 'Request'}]});
	return {
		outbound: () => [...outbound],
		async dispose() {
			session.off('Fetch.requestPaused', onPaused as (e: never) => void);
			session.off('Network.requestWillBeSent', onWillBeSent as (e: never) => void);
			await session.send('Fetch.disable').catch(() => undefined);
		},
	};
};
