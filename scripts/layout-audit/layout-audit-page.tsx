// The page the layout audit drives in Chromium: it shows one storyboard in its template at chosen
// frames (@remotion/player's Thumbnail at the composition's own size) and reports the boxes of the
// elements the compositions mark with data-layout (title, text, caption, key-phrase, picture, badge).
// Browser code: imports only compositions, react and @remotion/*.
import {Thumbnail} from '@remotion/player';
import type React from 'react';
import {createRoot} from 'react-dom/client';
import {findTemplate} from '../../src/compositions/registry';
import type {StoryboardInput} from '../../src/compositions/storyboard';
import type {AuditFrameBoxes, AuditMetadata, LayoutBox} from './layout-audit-protocol';

declare global {
	interface Window {
		layoutAuditMount?: (request: {templateId: string; storyboard: StoryboardInput}) => Promise<AuditMetadata>;
		layoutAuditFrames?: (frames: number[]) => Promise<AuditFrameBoxes[]>;
	}
}

const host = document.createElement('div');
host.style.cssText = 'position:absolute;left:0;top:0';
document.body.append(host);
const root = createRoot(host);

const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

/** Opacity an element is drawn with: its own times every ancestor's. */
const drawnOpacity = (el: Element): number => {
	let opacity = 1;
	for (let e: Element | null = el; e && e !== host; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
	return opacity;
};

/** The part of an element's box that is drawn: cut by every ancestor that clips (overflow hidden). */
const drawnRect = (el: Element): {left: number; top: number; right: number; bottom: number} => {
	const r = el.getBoundingClientRect();
	let {left, top, right, bottom} = r;
	for (let e = el.parentElement; e && e !== host; e = e.parentElement) {
		if (getComputedStyle(e).overflow === 'visible') continue;
		const c = e.getBoundingClientRect();
		left = Math.max(left, c.left);
		top = Math.max(top, c.top);
		right = Math.min(right, c.right);
		bottom = Math.min(bottom, c.bottom);
	}
	return {left, top, right, bottom};
};

const boxesNow = (): LayoutBox[] => {
	const origin = host.getBoundingClientRect();
	return [...host.querySelectorAll('[data-layout]')].flatMap((el) => {
		const r = drawnRect(el);
		const opacity = drawnOpacity(el);
		if (r.right - r.left < 1 || r.bottom - r.top < 1 || opacity < 0.05) return [];
		const role = el.getAttribute('data-layout') ?? '';
		return [{role, x: r.left - origin.left, y: r.top - origin.top, w: r.right - r.left, h: r.bottom - r.top}];
	});
};

let show: ((frame: number) => void) | null = null;

window.layoutAuditMount = async ({templateId, storyboard}) => {
	const template = findTemplate(templateId);
	if (!template) throw new Error(`Unknown template "${templateId}"`);
	const {default: Template} = await template.lazyComponent();
	const meta = await template.calculateMetadata({
		props: storyboard,
		defaultProps: storyboard,
		abortSignal: new AbortController().signal,
		compositionId: template.id,
		isRendering: true,
	});
	const metadata = {
		width: meta.width ?? 1920,
		height: meta.height ?? 1080,
		fps: meta.fps ?? 30,
		durationInFrames: meta.durationInFrames ?? 1,
	};
	const Component = Template as React.ComponentType<Record<string, unknown>>;
	show = (frame) =>
		root.render(
			<div data-audit-frame={frame}>
				<Thumbnail
					component={Component}
					inputProps={storyboard as Record<string, unknown>}
					frameToDisplay={frame}
					durationInFrames={metadata.durationInFrames}
					compositionWidth={metadata.width}
					compositionHeight={metadata.height}
					fps={metadata.fps}
					style={{width: metadata.width, height: metadata.height}}
				/>
			</div>,
		);
	show(0);
	// Fonts load once; the templates measure text only after (useTemplateFonts' ready).
	await document.fonts.ready;
	await nextPaint();
	await new Promise((resolve) => setTimeout(resolve, 200));
	return metadata;
};

window.layoutAuditFrames = async (frames) => {
	const out: AuditFrameBoxes[] = [];
	for (const frame of frames) {
		show?.(frame);
		// React renders on its next task: wait until this frame is committed (reading the boxes lays it out).
		while (host.querySelector(`[data-audit-frame="${frame}"]`) === null) await new Promise((resolve) => setTimeout(resolve, 0));
		out.push({frame, boxes: boxesNow()});
	}
	return out;
};
