import {useEffect, useRef, useState} from 'react';
import type {ApiClient} from './api-client';
import type {StoryboardJson} from './api-types';

/** What a completion depends on: each scene's narration text (the voice is chosen once). */
const narrationKey = (sb: StoryboardJson): string => JSON.stringify(sb.scenes.map((s) => [s.id, s.narration?.text ?? '']));

const DEBOUNCE_MS = 600;

/**
 * Keeps the storyboard voiced for the preview: whenever a narration text changes (and the
 * storyboard is valid), POST /v1/storyboards/complete after a pause in typing. The server voices
 * only the scenes whose text changed (the others keep their audio: README.md, "Plan, edit,
 * render"). The answer amends the present storyboard unless it changed meanwhile.
 */
export const useVoicing = (o: {
	api: ApiClient;
	storyboard: StoryboardJson | null;
	revision: number;
	valid: boolean;
	voice: string;
	onCompleted: (storyboard: StoryboardJson, revision: number) => boolean;
}): {voicing: boolean; voiced: boolean; error: string | null} => {
	const [voicing, setVoicing] = useState(false);
	const [error, setError] = useState<string | null>(null);
	const done = useRef<string | null>(null);
	const latest = useRef(o);
	latest.current = o;
	const key = o.storyboard ? narrationKey(o.storyboard) : null;

	useEffect(() => {
		if (!key || !o.valid || key === done.current || voicing) return;
		const timer = setTimeout(() => {
			const {api, storyboard, revision, voice, onCompleted} = latest.current;
			if (!storyboard) return;
			setVoicing(true);
			api
				.json<{storyboard: StoryboardJson}>({method: 'POST', path: '/v1/storyboards/complete', body: {storyboard, options: {voice}}})
				.then((result) => {
					setError(null);
					if (onCompleted(result.storyboard, revision)) done.current = narrationKey(result.storyboard);
				})
				.catch((e: unknown) => {
					setError(e instanceof Error ? e.message : String(e));
					// Not again for the same texts: the next edit tries again.
					done.current = key;
				})
				.finally(() => setVoicing(false));
		}, DEBOUNCE_MS);
		return () => clearTimeout(timer);
	}, [key, o.valid, voicing]);

	return {voicing: voicing || (key !== null && key !== done.current && o.valid), voiced: key !== null && key === done.current, error};
};
