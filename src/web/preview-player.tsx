import {Player, type PlayerRef} from '@remotion/player';
import type React from 'react';
import {useEffect, useMemo, useState} from 'react';
import {findTemplate} from '../compositions/registry';
import type {StoryboardInput} from '../compositions/storyboard';

type Metadata = {width: number; height: number; fps: number; durationInFrames: number};

/**
 * The storyboard played by @remotion/player with the template component the renderer uses (the
 * registry of src/compositions), sized by the template's own calculateMetadata. `storyboard` must
 * name its media by URLs the browser can load.
 */
export const PreviewPlayer: React.FC<{storyboard: StoryboardInput; templateId: string}> = ({storyboard, templateId}) => {
	const template = findTemplate(templateId);
	const [player, setPlayer] = useState<PlayerRef | null>(null);
	const [frame, setFrame] = useState(0);
	const [metadata, setMetadata] = useState<Metadata | null>(null);
	const [error, setError] = useState<string | null>(null);

	useEffect(() => {
		if (!template) return;
		const controller = new AbortController();
		Promise.resolve(
			template.calculateMetadata({
				props: storyboard,
				defaultProps: storyboard,
				abortSignal: controller.signal,
				compositionId: template.id,
				isRendering: false,
			}),
		)
			.then((m) => {
				if (controller.signal.aborted) return;
				setError(null);
				setMetadata({width: m.width ?? 1920, height: m.height ?? 1080, fps: m.fps ?? 30, durationInFrames: m.durationInFrames ?? 1});
			})
			.catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
		return () => controller.abort();
	}, [template, storyboard]);

	useEffect(() => {
		const p = player;
		if (!p) return;
		const onFrame = (e: {detail: {frame: number}}) => setFrame(e.detail.frame);
		p.addEventListener('frameupdate', onFrame);
		return () => p.removeEventListener('frameupdate', onFrame);
	}, [player]);

	// The registry's lazy import, stable per template so the player keeps its state across edits.
	const lazyComponent = useMemo(() => template?.lazyComponent, [template]) as
		| (() => Promise<{default: React.ComponentType<Record<string, unknown>>}>)
		| undefined;

	if (!template) return <p role="alert">Unknown template "{templateId}".</p>;
	if (error) return <p role="alert">The preview cannot play this storyboard: {error}</p>;
	if (!metadata || !lazyComponent) return <p>Loading the preview…</p>;
	const seconds = (frame / metadata.fps).toFixed(1);
	return (
		<figure className="preview" data-template={template.id}>
			<Player
				ref={setPlayer}
				lazyComponent={lazyComponent}
				inputProps={storyboard as Record<string, unknown>}
				durationInFrames={metadata.durationInFrames}
				compositionWidth={metadata.width}
				compositionHeight={metadata.height}
				fps={metadata.fps}
				controls
				clickToPlay={false}
				acknowledgeRemotionLicense
				style={{width: '100%', aspectRatio: `${metadata.width} / ${metadata.height}`}}
				errorFallback={({error: e}) => <p role="alert">The preview failed: {e.message}</p>}
			/>
			<figcaption>
				<span data-testid="preview-frame" data-frame={frame}>
					Frame {frame} of {metadata.durationInFrames} ({seconds} s)
				</span>
			</figcaption>
		</figure>
	);
};
