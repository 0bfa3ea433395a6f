import type {ApiClient} from './api-client';

export type SseMessage = {id: string | null; event: string; data: string};

/**
 * Reads a Server-Sent Events stream through fetch, so the Bearer key goes in a header
 * (EventSource cannot send one). Calls `onMessage` for each event until the server closes the
 * stream or `signal` aborts.
 */
export const readSse = async (options: {
	api: ApiClient;
	path: string;
	signal: AbortSignal;
	onMessage: (message: SseMessage) => void;
}): Promise<void> => {
	const res = await options.api.raw({path: options.path, signal: options.signal, headers: {accept: 'text/event-stream'}});
	if (!res.body) return;
	const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
	let buffer = '';
	for (;;) {
		const {done, value} = await reader.read();
		if (done) return;
		buffer += value.replaceAll('\r\n', '\n');
		let end = buffer.indexOf('\n\n');
		while (end >= 0) {
			const block = buffer.slice(0, end);
			buffer = buffer.slice(end + 2);
			const fields: Record<string, string> = {};
			for (const line of block.split('\n')) {
				if (!line || line.startsWith(':')) continue;
				const i = line.indexOf(':');
				const key = i < 0 ? line : line.slice(0, i);
				const val = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
				fields[key] = fields[key] === undefined ? val : `${fields[key]}\n${val}`;
			}
			if (fields.data !== undefined) options.onMessage({id: fields.id ?? null, event: fields.event ?? 'message', data: fields.data});
			end = buffer.indexOf('\n\n');
		}
	}
};
