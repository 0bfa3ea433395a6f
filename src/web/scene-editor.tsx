import type React from 'react';
import {useState} from 'react';
import {TRANSITION_TYPES} from '../compositions/storyboard';
import type {PictureSuggestion, SceneJson} from './api-types';
import {Choice, Field} from './field';
import type {FieldErrors} from './validate-storyboard';

export type SceneActions = {
	/** A new version of this scene; `field` groups keystrokes into one undo step. */
	change(next: SceneJson, field: string): void;
	move(by: -1 | 1): void;
	remove(): void;
	/** Uploads a picture and makes it the scene's; resolves with an error message or null. */
	upload(file: File): Promise<string | null>;
	/** Pictures for the scene's text (POST /v1/pictures/suggestions). */
	suggest(): Promise<PictureSuggestion[]>;
	/** Makes a suggested picture the scene's (and credits it). */
	choosePicture(picture: PictureSuggestion): void;
};

/** The schema speaks of milliseconds; the field is in seconds. */
const inSeconds = (message: string | undefined): string | undefined => {
	if (!message) return message;
	const bound = /([<>])=\s*(\d+)/.exec(message);
	if (bound) return `${bound[1] === '>' ? 'At least' : 'At most'} ${Number(bound[2]) / 1000} s.`;
	if (/NaN|expected number/i.test(message)) return 'Enter a number of seconds, e.g. 3.5.';
	return message;
};

const pictureLabel = (visual: SceneJson['visual']): string => {
	if (visual.kind === 'procedural')
		return `Animated background (${String(visual.style ?? 'orbs')})${typeof visual.icon === 'string' ? ' with an illustration' : ''}`;
	return `${visual.kind === 'video' ? 'Video' : 'Image'}: ${String(visual.src)}`;
};

/** A shorter scene keeps only the shots (visual beats) that still start before its end. */
const shotsBefore = (shots: unknown, durationMs: number): unknown =>
	Array.isArray(shots) && Number.isFinite(durationMs)
		? shots.filter((shot) => typeof (shot as {startMs?: unknown}).startMs === 'number' && (shot as {startMs: number}).startMs < durationMs)
		: shots;

/** One scene: narration, title, on-screen text, picture, duration and transition, with errors beside each field. */
export const SceneEditor: React.FC<{
	scene: SceneJson;
	index: number;
	count: number;
	errors: FieldErrors;
	actions: SceneActions;
}> = ({scene, index, count, errors, actions}) => {
	const at = (path: string) => errors[`scenes.${index}.${path}`];
	const id = (name: string) => `scene-${index}-${name}`;
	const [url, setUrl] = useState('');
	const [uploadError, setUploadError] = useState<string | null>(null);
	const [suggestions, setSuggestions] = useState<PictureSuggestion[] | null>(null);
	const [suggestError, setSuggestError] = useState<string | null>(null);
	const transition = (scene.transition ?? {}) as Record<string, unknown>;
	const change = (patch: Partial<SceneJson>, field: string) => actions.change({...scene, ...patch}, `${scene.id}.${field}`);
	const otherErrors = Object.entries(errors).filter(
		([path]) =>
			path.startsWith(`scenes.${index}.`) &&
			!['title', 'text', 'narration.text', 'durationMs', 'transition.type', 'transition.durationMs', 'visual.src'].some(
				(known) => path === `scenes.${index}.${known}`,
			),
	);
	return (
		<fieldset className="scene panel" data-scene={scene.id}>
			<legend>Scene {index + 1}</legend>
			<Field
				id={id('narration')}
				label="Narration (voiced again when it changes)"
				error={at('narration.text')}
				control={(p) => (
					<textarea
						{...p}
						rows={2}
						value={scene.narration.text}
						onChange={(e) => change({narration: {...scene.narration, text: e.target.value}}, 'narration')}
					/>
				)}
			/>
			<Field
				id={id('title')}
				label="Title"
				error={at('title')}
				control={(p) => <input {...p} type="text" value={scene.title ?? ''} onChange={(e) => change({title: e.target.value}, 'title')} />}
			/>
			<Field
				id={id('text')}
				label="On-screen text"
				error={at('text')}
				control={(p) => (
					<input
						{...p}
						type="text"
						value={scene.text ?? ''}
						onChange={(e) => change({text: e.target.value === '' ? null : e.target.value}, 'text')}
					/>
				)}
			/>
			<div className="picture">
				<p className="muted">Picture: {pictureLabel(scene.visual)}</p>
				<div className="row">
					<button
						type="button"
						onClick={() => {
							setSuggestError(null);
							actions.suggest().then(setSuggestions, (e: unknown) => setSuggestError(e instanceof Error ? e.message : String(e)));
						}}
					>
						Suggest pictures
					</button>
					{suggestions?.map((p) => (
						<button
							key={p.ref}
							type="button"
							className="suggestion"
							onClick={() => actions.choosePicture(p)}
							aria-label={`Use the picture ${p.name}`}
						>
							<img src={p.url} alt="" width={40} height={40} />
						</button>
					))}
				</div>
				{suggestError ? <p className="error">{suggestError}</p> : null}
				<Field
					id={id('upload')}
					label="Upload a picture or clip"
					error={uploadError ?? undefined}
					control={(p) => (
						<input
							{...p}
							type="file"
							accept="image/*,video/*"
							onChange={async (e) => {
								const file = e.target.files?.[0];
								if (file) setUploadError(await actions.upload(file));
							}}
						/>
					)}
				/>
				<Field
					id={id('url')}
					label="Or a picture URL (https)"
					error={at('visual.src')}
					control={(p) => (
						<input {...p} type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…/photo.jpg" />
					)}
				/>
				<div className="row">
					<button
						type="button"
						disabled={url.trim() === ''}
						onClick={() => change({visual: {kind: 'image', src: url.trim(), motion: 'zoom-in', fit: 'cover'}}, 'visual')}
					>
						Use this URL
					</button>
					<button
						type="button"
						disabled={scene.visual.kind === 'procedural'}
						onClick={() => change({visual: {kind: 'procedural', style: 'orbs'}}, 'visual')}
					>
						Use an animated background
					</button>
				</div>
			</div>
			<div className="grid">
				<Field
					id={id('duration')}
					label="Duration (seconds)"
					error={inSeconds(at('durationMs'))}
					control={(p) => (
						<input
							{...p}
							type="number"
							step="0.1"
							min="0.2"
							value={Number.isFinite(scene.durationMs) ? scene.durationMs / 1000 : ''}
							onChange={(e) => {
								const durationMs = e.target.value === '' ? Number.NaN : Math.round(Number(e.target.value) * 1000);
								change({durationMs, durationSource: 'user', shots: shotsBefore(scene.shots, durationMs)}, 'duration');
							}}
						/>
					)}
				/>
				<Choice
					id={id('transition')}
					label="Transition to the next scene"
					value={String(transition.type ?? 'fade')}
					options={TRANSITION_TYPES}
					error={at('transition.type') ?? at('transition.durationMs')}
					onChange={(v) => change({transition: {...transition, type: v}}, 'transition')}
				/>
			</div>
			{otherErrors.length > 0 ? (
				<ul className="error">
					{otherErrors.map(([path, message]) => (
						<li key={path}>
							{path}: {message}
						</li>
					))}
				</ul>
			) : null}
			<div className="row">
				<button type="button" disabled={index === 0} onClick={() => actions.move(-1)} aria-label={`Move up scene ${index + 1}`}>
					Move up
				</button>
				<button type="button" disabled={index === count - 1} onClick={() => actions.move(1)} aria-label={`Move down scene ${index + 1}`}>
					Move down
				</button>
				<button type="button" disabled={count === 1} onClick={actions.remove} aria-label={`Delete scene ${index + 1}`}>
					Delete
				</button>
			</div>
		</fieldset>
	);
};
