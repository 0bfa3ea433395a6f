import {Transform, type TransformCallback} from 'node:stream';
import {jsonDepth, MAX_JSON_DEPTH} from '../json-body-guard';

/** Longest stdio message line accepted; the SDK's own buffer (10 MB) would close the transport above it. */
export const MAX_STDIO_LINE_BYTES = 8 * 1024 * 1024;

export type StdioLineGuardOptions = {
	maxLineBytes?: number;
	maxDepth?: number;
	/** Sends an answer for a refused line (a JSON-RPC error, with the request's id when it could be read). */
	reply: (message: string) => void;
};

/** The request id from the start of a line, when there is one to read. */
const idOf = (head: string): string | number | null => {
	const match = /"id"\s*:\s*(-?\d{1,15}|"(?:[^"\\]|\\.){0,200}")/.exec(head);
	if (!match) return null;
	try {
		return JSON.parse(match[1]!) as string | number;
	} catch {
		return null;
	}
};

const errorLine = (id: string | number | null, message: string) =>
	`${JSON.stringify({jsonrpc: '2.0', id, error: {code: -32600, message}})}\n`;

/**
 * Sits between stdin and the MCP stdio transport and passes it whole lines only. A line longer
 * than `maxLineBytes` is dropped as it streams in (never held whole) and one nesting deeper than
 * `maxDepth` is dropped too; each is answered with a JSON-RPC "invalid request" error instead of
 * reaching the SDK, whose buffer overflow would close the transport and end `promptreel mcp`.
 */
export const stdioLineGuard = (o: StdioLineGuardOptions): Transform => {
	const max = o.maxLineBytes ?? MAX_STDIO_LINE_BYTES;
	const maxDepth = o.maxDepth ?? MAX_JSON_DEPTH;
	let parts: Buffer[] = [];
	let size = 0;
	let dropping = false;
	let head = '';

	const endLine = (push: (b: Buffer) => void) => {
		if (dropping) {
			o.reply(errorLine(idOf(head), `Request too large: a message line may be at most ${max} bytes.`));
		} else {
			const line = Buffer.concat(parts);
			const text = line.toString('utf8');
			if (jsonDepth(text, maxDepth) > maxDepth) {
				o.reply(errorLine(idOf(text.slice(0, 4096)), `Request nests arrays and objects more than ${maxDepth} levels deep.`));
			} else {
				push(Buffer.concat([line, Buffer.from('\n')]));
			}
		}
		parts = [];
		size = 0;
		dropping = false;
		head = '';
	};

	return new Transform({
		transform(chunk: Buffer, _encoding, callback: TransformCallback) {
			let start = 0;
			for (;;) {
				const nl = chunk.indexOf(0x0a, start);
				const piece = chunk.subarray(start, nl === -1 ? chunk.length : nl);
				if (!dropping) {
					if (size + piece.length > max) {
						dropping = true;
						head = Buffer.concat([...parts, piece])
							.subarray(0, 4096)
							.toString('utf8');
						parts = [];
					} else {
						parts.push(piece);
						size += piece.length;
					}
				}
				if (nl === -1) break;
				endLine((b) => this.push(b));
				start = nl + 1;
			}
			callback();
		},
		flush(callback: TransformCallback) {
			if (size > 0 || dropping) endLine((b) => this.push(b));
			callback();
		},
	});
};
