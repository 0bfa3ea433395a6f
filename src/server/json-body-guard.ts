import type {MiddlewareHandler} from 'hono';
import {bodyLimit} from 'hono/body-limit';
import {ApiError} from './http-errors';

/** Deepest nesting of arrays and objects a JSON body may have (a storyboard needs about 8). */
export const MAX_JSON_DEPTH = 64;

/**
 * How deep the arrays and objects of a JSON text nest, counted on the text in one pass without
 * parsing it (so no recursive code ever sees a hostile body); stops counting past `limit`.
 */
export const jsonDepth = (text: string, limit = Infinity): number => {
	let depth = 0;
	let max = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 0x5c)
				i++; // backslash: skip the escaped character
			else if (c === 0x22) inString = false;
		} else if (c === 0x22) inString = true;
		else if (c === 0x5b || c === 0x7b) {
			depth++;
			if (depth > max) {
				max = depth;
				if (max > limit) return max;
			}
		} else if (c === 0x5d || c === 0x7d) depth--;
	}
	return max;
};

export type JsonBodyGuardOptions = {
	/** PROMPTREEL_MAX_BODY_BYTES: larger bodies get 413 before they are read whole. */
	maxBytes: number;
	maxDepth?: number;
};

/**
 * The size and depth of a JSON body are checked before anything parses or walks it: 413 above the
 * size, 400 JSON_TOO_DEEP above the depth. Hostile bodies (thousands of nested arrays, even in an
 * unknown field) are answered with a clear error instead of overflowing a recursive walk (a 500).
 * The text read here is cached by Hono, so the validators and handlers read it again from memory.
 */
export const jsonBodyGuard = (o: JsonBodyGuardOptions): MiddlewareHandler => {
	const maxDepth = o.maxDepth ?? MAX_JSON_DEPTH;
	const limit = bodyLimit({
		maxSize: o.maxBytes,
		onError: () => {
			// The rest of the body is not read: the connection cannot carry another request, and
			// saying so keeps clients from sending their next request on it.
			throw new ApiError(
				'PAYLOAD_TOO_LARGE',
				`The request body is larger than ${o.maxBytes} bytes (PROMPTREEL_MAX_BODY_BYTES).`,
				undefined,
				{Connection: 'close'},
			);
		},
	});
	return (c, next) =>
		limit(c, async () => {
			const method = c.req.method;
			if ((method === 'POST' || method === 'PUT' || method === 'PATCH') && /json/i.test(c.req.header('content-type') ?? '')) {
				const depth = jsonDepth(await c.req.text(), maxDepth);
				if (depth > maxDepth) {
					throw new ApiError(
						'JSON_TOO_DEEP',
						`The JSON body nests arrays and objects more than ${maxDepth} levels deep: send a flatter body.`,
					);
				}
			}
			await next();
		});
};
