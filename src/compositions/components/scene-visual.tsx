import type React from 'react';
import {AbsoluteFill, interpolate, Sequence, useCurrentFrame, useVideoConfig} from 'remotion';
import type {Palette, Shot, Visual} from '../storyboard';
import {FloatingIcon} from './floating-icon';
import {useLayerStyle} from './compositor-layers';
import {useGroupEffects} from './group-opacity';
import type {IllustrationBox} from './illustration-box';
import {cameraAt, KenBurnsImage} from './ken-burns-image';
import {KeyPhraseChip} from './key-phrase-chip';
import {ProceduralBackground} from './procedural-background';
import {SceneVideo} from './scene-video';
import {cameraSpans, phraseSpans, pictureSpans, sameBackground, SHOT_FADE_FRAMES, type CameraSpan} from './shot-timeline';
import {useFrameLayout} from './use-frame-layout';

type Props = {
	visual: Visual;
	/** The scene's timed beats (scene.shots): new pictures, key phrases, camera moves. */
	shots?: readonly Shot[];
	durationInFrames: number;
	palette: Palette;
	seed: number;
	/** Vertical centre of the icon as a fraction of the height, chosen to avoid title and captions. */
	iconCenterY?: number;
	/** The illustration's square (see illustrationBox); wins over iconCenterY. */
	box?: IllustrationBox;
	/** Draw the shots' key phrases (off where a template's own text says the words). */
	keyPhrases?: boolean;
};

/** A picture's background alone: the clip, the image with its camera move, or the drawn background. */
const Background: React.FC<{visual: Visual; durationInFrames: number; palette: Palette; seed: number}> = ({
	visual,
	durationInFrames,
	palette,
	seed,
}) => {
	switch (visual.kind) {
		case 'video':
			return <SceneVideo visual={visual} durationInFrames={durationInFrames} palette={palette} />;
		case 'image':
			return <KenBurnsImage visual={visual} durationInFrames={durationInFrames} palette={palette} />;
		case 'procedural':
			return <ProceduralBackground style={visual.style} palette={palette} seed={seed} />;
	}
};

/** Fades its children out over the last SHOT_FADE_FRAMES of its sequence (when another picture follows). */
const FadeOut: React.FC<{at: number; children: React.ReactNode}> = ({at, children}) => {
	const frame = useCurrentFrame();
	const opacity = interpolate(frame, [at, at + SHOT_FADE_FRAMES], [1, 0], {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'});
	const {groupOpacity} = useGroupEffects();
	return <AbsoluteFill style={groupOpacity(opacity)}>{children}</AbsoluteFill>;
};

/** Fades its children in over the first SHOT_FADE_FRAMES (a cut to another background is a crossfade). */
const FadeIn: React.FC<{children: React.ReactNode}> = ({children}) => {
	const frame = useCurrentFrame();
	const opacity = interpolate(frame, [0, SHOT_FADE_FRAMES], [0, 1], {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'});
	const {groupOpacity} = useGroupEffects();
	return <AbsoluteFill style={groupOpacity(opacity)}>{children}</AbsoluteFill>;
};

/** The camera transform at a frame: each shot's move eased in from where the previous one stopped, so moves never jump. */
const cameraTransform = (spans: readonly CameraSpan[], frame: number): string => {
	const at = (span: CameraSpan | undefined, f: number) => {
		if (!span) return {scale: 1, x: 0};
		return cameraAt(
			span.motion,
			interpolate(f, [span.from, Math.max(span.from + 1, span.to)], [0, 1], {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'}),
		);
	};
	const i = spans.findLastIndex((s) => s.from <= frame);
	if (i < 0) return 'none';
	const now = at(spans[i], frame);
	const before = at(spans[i - 1], spans[i]!.from);
	const blend = interpolate(frame, [spans[i]!.from, spans[i]!.from + 12], [0, 1], {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'});
	const scale = before.scale + (now.scale - before.scale) * blend;
	const x = before.x + (now.x - before.x) * blend;
	return `translateX(${x}%) scale(${scale})`;
};

/**
 * What a scene shows: a clip, an image with a camera move, or a procedural background with its
 * illustration; then its shots (docs/templates.md, "Shots"): each new picture pops in (a new
 * background crossfades), each camera move moves the whole picture, each key phrase shows as a
 * chip under the illustration while its words are spoken.
 */
export const SceneVisual: React.FC<Props> = ({
	visual,
	shots = [],
	durationInFrames,
	palette,
	seed,
	iconCenterY,
	box,
	keyPhrases = true,
}) => {
	const frame = useCurrentFrame();
	const {fps} = useVideoConfig();
	const {unit, width, height} = useFrameLayout();
	const pictures = pictureSpans(visual, shots, fps, durationInFrames);
	const phrases = keyPhrases ? phraseSpans(shots, fps, durationInFrames) : [];
	const camera = cameraTransform(cameraSpans(shots, fps, durationInFrames), frame);
	const layer = useLayerStyle();
	// Runs of pictures on one background: the background is drawn once per run, the icons change over it.
	const runs: {from: number; to: number; visual: Visual}[] = [];
	for (const p of pictures) {
		const run = runs.at(-1);
		if (run && sameBackground(run.visual, p.visual)) run.to = p.to;
		else runs.push({from: p.from, to: p.to, visual: p.visual});
	}
	// Under the illustration when its box kept room for the chip, else on its lower edge.
	const chipTop = box ? (box.chipTop ?? box.cy + box.size * 0.36) : height * (iconCenterY ?? 0.5) + unit * 13;
	return (
		<AbsoluteFill>
			<AbsoluteFill style={{transform: camera, ...layer}}>
				{runs.map((run, i) => (
					<Sequence
						key={`bg-${run.from}`}
						from={run.from}
						durationInFrames={Math.min(durationInFrames, run.to + SHOT_FADE_FRAMES) - run.from}
						layout="none"
					>
						{i === 0 ? (
							<Background visual={run.visual} durationInFrames={run.to - run.from} palette={palette} seed={seed} />
						) : (
							<FadeIn>
								<Background visual={run.visual} durationInFrames={run.to - run.from} palette={palette} seed={seed} />
							</FadeIn>
						)}
					</Sequence>
				))}
				{pictures.map((p) =>
					p.visual.kind === 'procedural' && p.visual.icon ? (
						<Sequence
							key={`icon-${p.from}`}
							from={p.from}
							durationInFrames={Math.min(durationInFrames, p.to + SHOT_FADE_FRAMES) - p.from}
							layout="none"
						>
							<FadeOut at={p.to - p.from}>
								<FloatingIcon src={p.visual.icon} centerY={iconCenterY} box={box} />
							</FadeOut>
						</Sequence>
					) : null,
				)}
			</AbsoluteFill>
			{phrases.map((p) => (
				<Sequence key={`phrase-${p.from}`} from={p.from} durationInFrames={p.to - p.from} layout="none">
					<KeyPhraseChip text={p.text} palette={palette} centerX={box?.cx ?? width / 2} top={chipTop} durationInFrames={p.to - p.from} />
				</Sequence>
			))}
		</AbsoluteFill>
	);
};
