import {useEffect, useRef, useState} from 'react';
import type {ApiClient} from './api-client';
import type {SignedUrl} from './api-types';

/** Sign again this long before a URL expires. */
const MARGIN_MS = 60_000;

/**
 * Signed URLs of API paths for the media tags of the page (POST /v1/signed-urls): the map of
 * path -> URL holds every path of `paths` once signed, renewed before they expire.
 */
export const useSignedUrls = (api: ApiClient, paths: readonly string[]): {urls: Record<string, string>; error: string | null} => {
	const [signed, setSigned] = useState<Record<string, SignedUrl>>({});
	const [error, setError] = useState<string | null>(null);
	const [now, setNow] = useState(() => Date.now());
	const inFlight = useRef(new Set<string>());
	const key = [...new Set(paths)].sort().join('\n');

	useEffect(() => {
		const wanted = key === '' ? [] : key.split('\n');
		const missing = wanted.filter((p) => !inFlight.current.has(p) && !(signed[p] && Date.parse(signed[p].expiresAt) - MARGIN_MS > now));
		if (missing.length === 0) return;
		for (const p of missing) inFlight.current.add(p);
		api
			.json<{data: SignedUrl[]}>({method: 'POST', path: '/v1/signed-urls', body: {paths: missing}})
			.then(({data}) => {
				setError(null);
				setSigned((s) => ({...s, ...Object.fromEntries(data.map((d) => [d.path, d]))}));
			})
			.catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
			.finally(() => {
				for (const p of missing) inFlight.current.delete(p);
			});
	}, [api, key, signed, now]);

	// Wake up to renew URLs before they expire.
	useEffect(() => {
		const timer = setInterval(() => setNow(Date.now()), MARGIN_MS / 2);
		return () => clearInterval(timer);
	}, []);

	return {urls: Object.fromEntries(Object.entries(signed).map(([p, s]) => [p, s.url])), error};
};
