// The page talks to the promptreel API over HTTP only (docs/architecture.md, "Layers"): same
// origin, Bearer key when the server has keys (README.md, "The web page").

/** An answer of the API that is not 2xx: its error code and message (our one error shape). */
export class ApiCallError extends Error {
	override name = 'ApiCallError';
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly issues: {path: string; message: string}[] = [],
	) {
		super(message);
	}
}

export type ApiClient = {
	/** JSON in, JSON out; throws ApiCallError on a non-2xx answer. */
	json<T>(options: {method?: string; path: string; body?: unknown; signal?: AbortSignal}): Promise<T>;
	/** Uploads a file to POST /v1/assets (multipart). */
	upload<T>(options: {file: File}): Promise<T>;
	/** A fetch with the key, for streams (SSE). */
	raw(options: {path: string; signal?: AbortSignal; headers?: Record<string, string>}): Promise<Response>;
};

const toError = async (res: Response): Promise<ApiCallError> => {
	const text = await res.text();
	try {
		const body = JSON.parse(text) as {error?: {code?: string; message?: string; issues?: {path: string; message: string}[]}};
		return new ApiCallError(res.status, body.error?.code ?? 'HTTP_ERROR', body.error?.message ?? text, body.error?.issues ?? []);
	} catch {
		return new ApiCallError(res.status, 'HTTP_ERROR', `HTTP ${res.status}: ${text.slice(0, 200)}`);
	}
};

/** A client of this page's server; `getKey` is read at every call (the key may change). */
export const createApiClient = (options: {getKey: () => string | null}): ApiClient => {
	const headers = (extra: Record<string, string> = {}): Record<string, string> => {
		const key = options.getKey();
		return key ? {...extra, authorization: `Bearer ${key}`} : extra;
	};
	return {
		async json<T>({method = 'GET', path, body, signal}: {method?: string; path: string; body?: unknown; signal?: AbortSignal}) {
			const res = await fetch(path, {
				method,
				headers: headers(body === undefined ? {} : {'content-type': 'application/json'}),
				body: body === undefined ? undefined : JSON.stringify(body),
				signal,
			});
			if (!res.ok) throw await toError(res);
			return (res.status === 204 ? null : await res.json()) as T;
		},
		async upload<T>({file}: {file: File}) {
			const form = new FormData();
			form.append('file', file);
			const res = await fetch('/v1/assets', {method: 'POST', headers: headers(), body: form});
			if (!res.ok) throw await toError(res);
			return (await res.json()) as T;
		},
		async raw({path, signal, headers: extra}: {path: string; signal?: AbortSignal; headers?: Record<string, string>}) {
			const res = await fetch(path, {headers: headers(extra), signal});
			if (!res.ok) throw await toError(res);
			return res;
		},
	};
};
