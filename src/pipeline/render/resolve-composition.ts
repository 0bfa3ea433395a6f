import type {VideoConfig} from 'remotion';
import type {StoryboardInput} from '../../compositions/storyboard';
import {assertKnownTemplate} from './assert-known-template';

/**
 * The composition a render of this storyboard gets, worked out in Node: the template's own
 * calculateMetadata (size, fps and length from the storyboard through computeTimeline, the props
 * parsed) is a pure function of the props, so asking the browser for it (`selectComposition`, one
 * page load of the bundle) only costs time on every render and poster. docs/architecture.md
 * ("One render path") names this as the one place the composition is resolved.
 */
export const resolveComposition = async (o: {
	templateId: string;
	inputProps: StoryboardInput;
	signal?: AbortSignal;
}): Promise<VideoConfig> => {
	const template = assertKnownTemplate(o.templateId);
	const defaultProps = Object.values(template.samples)[0] as StoryboardInput;
	const metadata = await template.calculateMetadata({
		defaultProps,
		props: o.inputProps,
		abortSignal: o.signal ?? new AbortController().signal,
		compositionId: template.id,
		isRendering: true,
	});
	const {width, height, fps, durationInFrames} = metadata;
	if (width === undefined || height === undefined || fps === undefined || durationInFrames === undefined) {
		throw new Error(`Template "${template.id}": calculateMetadata must return width, height, fps and durationInFrames.`);
	}
	return {
		id: template.id,
		width,
		height,
		fps,
		durationInFrames,
		defaultProps,
		props: (metadata.props ?? o.inputProps) as Record<string, unknown>,
		defaultCodec: metadata.defaultCodec ?? null,
		defaultOutName: metadata.defaultOutName ?? null,
		defaultVideoImageFormat: metadata.defaultVideoImageFormat ?? null,
		defaultPixelFormat: metadata.defaultPixelFormat ?? null,
		defaultProResProfile: metadata.defaultProResProfile ?? null,
		defaultSampleRate: metadata.defaultSampleRate ?? null,
	};
};
