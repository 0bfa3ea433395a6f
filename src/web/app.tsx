import type React from 'react';
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import type {StoryboardInput} from '../compositions/storyboard';
import {ApiCallError, createApiClient} from './api-client';
import type {AssetView, JobView, PictureSuggestion, SceneJson, SignedUrl, StoryboardJson, TemplateInfo} from './api-types';
import {KeyForm} from './key-form';
import {assetPathOf, mapMedia, mediaRefsOf} from './map-media';
import {DEFAULT_PLAN_OPTIONS, type PlanOptions} from './page-options';
import {PreviewPlayer} from './preview-player';
import {PromptForm} from './prompt-form';
import {RenderPanel} from './render-panel';
import {SceneEditor} from './scene-editor';
import {downloadStoryboard, newSceneId, readStoryboardFile} from './storyboard-file';
import {useEditHistory} from './use-edit-history';
import {useRenderJob} from './use-render-job';
import {useSignedUrls} from './use-signed-urls';
import {useVoicing} from './use-voicing';
import {validateStoryboard} from './validate-storyboard';
import {VideoList} from './video-list';
import {VideoSettings} from './video-settings';

const KEY_STORAGE = 'promptreel.apiKey';
const DRAFT_STORAGE = 'promptreel.storyboard';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

const readDraft = (): StoryboardJson | null => {
	try {
		const text = localStorage.getItem(DRAFT_STORAGE);
		return text ? (JSON.parse(text) as StoryboardJson) : null;
	} catch {
		return null;
	}
};

/** The page: prompt, preview, scene editor, render and earlier videos (README.md, "The web page"). */
export const App: React.FC = () => {
	const keyRef = useRef<string | null>(sessionStorage.getItem(KEY_STORAGE));
	const api = useMemo(() => createApiClient({getKey: () => keyRef.current}), []);
	const [keyState, setKeyState] = useState<'unknown' | 'needed' | 'rejected' | 'ok'>('unknown');
	const [templates, setTemplates] = useState<TemplateInfo[]>([]);
	const [videos, setVideos] = useState<JobView[]>([]);
	const [options, setOptions] = useState<PlanOptions>(DEFAULT_PLAN_OPTIONS);
	const [planning, setPlanning] = useState(false);
	const [planError, setPlanError] = useState<string | null>(null);
	const [fileError, setFileError] = useState<string | null>(null);
	const history = useEditHistory<StoryboardJson | null>(readDraft());
	const sb = history.present;
	const revisionRef = useRef(history.revision);
	revisionRef.current = history.revision;

	const onApiError = useCallback((e: unknown): string => {
		if (e instanceof ApiCallError && e.status === 401) setKeyState(keyRef.current ? 'rejected' : 'needed');
		return message(e);
	}, []);

	const loadVideos = useCallback(() => {
		api
			.json<{data: JobView[]}>({path: '/v1/videos?limit=10'})
			.then((r) => setVideos(r.data))
			.catch(onApiError);
	}, [api, onApiError]);

	const connect = useCallback(() => {
		api
			.json<{data: TemplateInfo[]}>({path: '/v1/templates'})
			.then((r) => {
				setTemplates(r.data);
				setKeyState('ok');
				loadVideos();
			})
			.catch(onApiError);
	}, [api, loadVideos, onApiError]);
	useEffect(connect, [connect]);

	useEffect(() => {
		if (sb) localStorage.setItem(DRAFT_STORAGE, JSON.stringify(sb));
	}, [sb]);

	const errors = useMemo(() => (sb ? validateStoryboard(sb) : {}), [sb]);
	const valid = sb !== null && Object.keys(errors).length === 0;
	const lastValid = useRef<StoryboardJson | null>(null);
	if (valid) lastValid.current = sb;

	const voicing = useVoicing({
		api,
		storyboard: sb,
		revision: history.revision,
		valid,
		voice: options.voice,
		onCompleted: (completed, revision) => {
			if (revision !== revisionRef.current) return false;
			history.replace(completed);
			return true;
		},
	});

	// Media for the player: uploads and voice by signed URL, bundled media from /web/media/.
	const shown = lastValid.current;
	const assetPaths = useMemo(() => (shown ? mediaRefsOf(shown).flatMap((r) => assetPathOf(r) ?? []) : []), [shown]);
	const signed = useSignedUrls(api, keyState === 'ok' ? assetPaths : []);
	const lastPreview = useRef<StoryboardInput | null>(null);
	const preview = useMemo(() => {
		if (!shown) return null;
		const origin = window.location.origin;
		if (assetPaths.some((p) => !signed.urls[p])) return lastPreview.current;
		return mapMedia(shown, (src) => {
			const asset = assetPathOf(src);
			if (asset) return `${origin}${signed.urls[asset]}`;
			return /^https?:\/\//i.test(src) ? src : `${origin}/web/media/${src}`;
		}) as StoryboardInput;
	}, [shown, assetPaths, signed.urls]);
	lastPreview.current = preview;

	const job = useRenderJob(api, loadVideos);

	const plan = async (prompt: string) => {
		setPlanning(true);
		setPlanError(null);
		try {
			const result = await api.json<{storyboard: StoryboardJson}>({method: 'POST', path: '/v1/storyboards', body: {prompt, options}});
			history.replace(result.storyboard, {reset: true});
		} catch (e) {
			setPlanError(onApiError(e));
		} finally {
			setPlanning(false);
		}
	};

	const editScenes = (scenes: SceneJson[], field: string) => sb && history.edit({...sb, scenes}, field);
	const sceneActions = (i: number) => ({
		change: (next: SceneJson, field: string) =>
			sb &&
			editScenes(
				sb.scenes.map((s, j) => (j === i ? next : s)),
				field,
			),
		move: (by: -1 | 1) => {
			if (!sb) return;
			const scenes = [...sb.scenes];
			const [moved] = scenes.splice(i, 1);
			if (moved) scenes.splice(i + by, 0, moved);
			editScenes(scenes, `move-${i}`);
		},
		suggest: () => (sb?.scenes[i] ? suggestPictures(sb.scenes[i]) : Promise.resolve([])),
		choosePicture: (picture: PictureSuggestion) => choosePicture(i, picture),
		remove: () =>
			sb &&
			editScenes(
				sb.scenes.filter((_, j) => j !== i),
				`remove-${i}`,
			),
		upload: async (file: File): Promise<string | null> => {
			try {
				const asset = await api.upload<AssetView>({file});
				if (!sb || asset.kind === 'audio') return asset.kind === 'audio' ? 'That is a sound: upload an image or a video clip.' : null;
				const visual =
					asset.kind === 'video'
						? {kind: 'video', src: asset.ref, durationMs: asset.durationMs ?? 1000}
						: {kind: 'image', src: asset.ref, motion: 'zoom-in', fit: 'cover'};
				editScenes(
					sb.scenes.map((s, j) => (j === i ? {...s, visual} : s)),
					`upload-${i}`,
				);
				return null;
			} catch (e) {
				return onApiError(e);
			}
		},
	});
	const suggestPictures = async (scene: SceneJson): Promise<PictureSuggestion[]> => {
		const text = [scene.title, scene.text, scene.narration.text].filter((t) => typeof t === 'string' && t.trim()).join('. ');
		const language = typeof sb?.language === 'string' ? sb.language : 'en';
		const found = await api.json<{data: Omit<PictureSuggestion, 'url'>[]}>({
			method: 'POST',
			path: '/v1/pictures/suggestions',
			body: {text: text || String(sb?.title ?? ''), language},
		});
		if (found.data.length === 0) return [];
		const signedUrls = await api.json<{data: SignedUrl[]}>({
			method: 'POST',
			path: '/v1/signed-urls',
			body: {paths: found.data.map((p) => assetPathOf(p.ref) ?? '')},
		});
		return found.data.map((p, i) => ({...p, url: signedUrls.data[i]?.url ?? ''}));
	};
	const choosePicture = (i: number, picture: PictureSuggestion) => {
		if (!sb) return;
		const scene = sb.scenes[i];
		if (!scene) return;
		const style = scene.visual.kind === 'procedural' ? (scene.visual.style ?? 'orbs') : 'orbs';
		const credits = Array.isArray(sb.credits) ? (sb.credits as Record<string, unknown>[]) : [];
		history.edit(
			{
				...sb,
				scenes: sb.scenes.map((s, j) => (j === i ? {...s, visual: {kind: 'procedural', style, icon: picture.ref, extraIcons: []}} : s)),
				credits: credits.some((c) => c.title === picture.credit.title) ? credits : [...credits, picture.credit],
			},
			`picture-${i}`,
		);
	};
	const addScene = () =>
		sb &&
		editScenes(
			[
				...sb.scenes,
				{
					id: newSceneId(sb),
					title: 'New scene',
					text: null,
					narration: {text: ''},
					visual: {kind: 'procedural', style: 'orbs'},
					durationMs: 3000,
					durationSource: 'user',
					transition: {type: 'fade'},
				},
			],
			'add',
		);

	if (keyState === 'needed' || keyState === 'rejected')
		return (
			<Shell>
				<KeyForm
					rejected={keyState === 'rejected'}
					onKey={(key) => {
						keyRef.current = key;
						sessionStorage.setItem(KEY_STORAGE, key);
						setKeyState('unknown');
						connect();
					}}
				/>
			</Shell>
		);

	const problems = Object.keys(errors).length;
	return (
		<Shell>
			<div className="layout">
				<div className="area-prompt">
					<PromptForm templates={templates} options={options} onOptions={setOptions} onPlan={plan} busy={planning} error={planError} />
				</div>
				<section className="panel area-preview" aria-labelledby="preview-heading">
					<h2 id="preview-heading">Preview</h2>
					<p className="muted" aria-live="polite">
						{!sb
							? 'Plan a video to see it here.'
							: voicing.voicing
								? 'Voicing the narration…'
								: voicing.error
									? `Voicing failed: ${voicing.error}`
									: voicing.voiced
										? 'Voiced and captioned as it will render.'
										: 'Not voiced yet.'}
						{problems > 0 ? ` The preview shows the last valid version: fix ${problems} problem${problems > 1 ? 's' : ''}.` : ''}
					</p>
					{signed.error ? <p className="error">Media cannot be shown: {signed.error}</p> : null}
					{preview && shown ? <PreviewPlayer storyboard={preview} templateId={String(shown.template ?? 'explainer')} /> : null}
				</section>
				{sb ? (
					<section className="area-edit" aria-labelledby="edit-heading">
						<h2 id="edit-heading">2. Edit</h2>
						<div className="row toolbar">
							<button type="button" onClick={history.undo} disabled={!history.canUndo}>
								Undo
							</button>
							<button type="button" onClick={() => downloadStoryboard(sb)}>
								Download storyboard JSON
							</button>
							<label className="file-button">
								Open storyboard JSON
								<input
									type="file"
									accept="application/json,.json"
									onChange={async (e) => {
										const file = e.target.files?.[0];
										if (!file) return;
										try {
											history.edit(await readStoryboardFile(file), 'open-file');
											setFileError(null);
										} catch (err) {
											setFileError(message(err));
										}
									}}
								/>
							</label>
						</div>
						{fileError ? (
							<p className="error" role="alert">
								{fileError}
							</p>
						) : null}
						{problems > 0 ? (
							<p className="error" role="status">
								{problems} problem{problems > 1 ? 's' : ''}: fix the fields marked below before rendering.
							</p>
						) : null}
						<VideoSettings storyboard={sb} templates={templates} errors={errors} onEdit={history.edit} />
						{sb.scenes.map((scene, i) => (
							<SceneEditor key={scene.id} scene={scene} index={i} count={sb.scenes.length} errors={errors} actions={sceneActions(i)} />
						))}
						<button type="button" onClick={addScene}>
							Add a scene
						</button>
					</section>
				) : null}
				<div className="area-render">
					<RenderPanel
						state={job.state}
						canRender={valid}
						busy={job.busy}
						onRender={() => sb && void job.render(sb, {quality: options.quality, voice: options.voice})}
					/>
				</div>
				<div className="area-videos">
					<VideoList videos={videos} onOpen={(v) => void job.show(v)} onRefresh={loadVideos} />
				</div>
			</div>
		</Shell>
	);
};

const Shell: React.FC<{children: React.ReactNode}> = ({children}) => (
	<>
		<header className="top">
			<h1>promptreel</h1>
			<p>Write a prompt, watch the storyboard play, edit it scene by scene, render.</p>
		</header>
		<main>{children}</main>
	</>
);
