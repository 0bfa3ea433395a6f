import type React from 'react';
import {useMemo} from 'react';
import {AbsoluteFill, spring, useCurrentFrame, useVideoConfig} from 'remotion';
import {captionWords, textDirectionOf, type CaptionStyle, type Palette, type StoryboardCaption} from '../storyboard';
import {captionPages} from './caption-pages';
import {captionWordStyle} from './caption-word-style';
import {fitLinesScale} from './fit-lines-scale';
import {useGroupEffects} from './group-opacity';
import {FONT_STACK} from './load-fonts';
import {useFrameLayout} from './use-frame-layout';
import {withAlpha} from './with-alpha';

/** How long the last page of a scene stays up after its last word, in ms. */
const LINGER_MS = 500;

/**
 * TikTok-style caption pages of one scene in one of the storyboard's caption presets: the word
 * being spoken highlighted (karaoke) or on a pill (boxed), words revealed or bounced in as they are
 * spoken, one word at a time (pop), or outlined chunks of at most two lines (classic). Position
 * (top, center, bottom of the safe area) and size (fontScale) come from the style. Frame 0 is the
 * scene's start: caption times are ms from the scene start. Place it in an absolute <Sequence>.
 * Right-to-left scripts are laid out right to left; lines break only between words (never inside
 * a word or a grapheme, also in Japanese and Chinese, which have no spaces).
 */
export const TikTokCaptions: React.FC<{
	captions: StoryboardCaption[];
	style: CaptionStyle;
	palette: Palette;
	language?: string;
	/** Width (px) a line may take when the captions sit in a column (default: the frame's safe width). */
	lineWidth?: number;
}> = ({captions, style, palette, language = 'en', lineWidth}) => {
	const frame = useCurrentFrame();
	const {fps} = useVideoConfig();
	const {width, unit, safe, orientation} = useFrameLayout();
	const {groupOpacity, textShadowStyle} = useGroupEffects();
	const baseSize = unit * (orientation === 'portrait' ? 7.2 : 6.2) * style.fontScale;
	// About how many columns (a CJK character takes two) one line of captions holds at this size.
	const lineColumns = Math.max(6, Math.floor((lineWidth ?? width - safe.side * 2) / (baseSize * 0.56)));
	const classic = style.preset === 'classic';
	// Pages end at sentence ends and break where reading pauses (see caption-pages.ts), never
	// inside a CJK phrase; bigger captions hold fewer words; classic chunks are at most two lines.
	const maxColumns = Math.min(Math.round((orientation === 'portrait' ? 26 : 38) / style.fontScale), lineColumns * 2);
	const pages = useMemo(
		() =>
			captionPages(captions, {
				maxColumns,
				maxPageMs: Math.max(2400, style.combineWithinMs * 2.5),
				...(classic ? {lineColumns, maxLines: 2} : {}),
			}).map((p) => ({
				startMs: p.startMs,
				durationMs: p.endMs - p.startMs,
				tokens: p.words.map((w) => ({text: w.text, fromMs: w.startMs, toMs: w.endMs})),
			})),
		[captions, style.combineWithinMs, maxColumns, classic, lineColumns],
	);
	const ms = (frame / fps) * 1000;
	const index = pages.findLastIndex((p) => p.startMs <= ms);
	const page = pages[index];
	if (!style.enabled || !page) return null;
	const lastToken = page.tokens[page.tokens.length - 1];
	const pageEnd = pages[index + 1]?.startMs ?? (lastToken ? lastToken.toMs : page.startMs + page.durationMs) + LINGER_MS;
	if (ms >= pageEnd) return null;

	// The word being spoken: the last one that has started (so gaps between words do not flicker).
	const active = page.tokens.findLastIndex((t) => t.fromMs <= ms);
	const enter = spring({
		frame: Math.round(((ms - page.startMs) / 1000) * fps),
		fps,
		config: {damping: 18, stiffness: 220},
		durationInFrames: 8,
	});
	const words = captionWords(
		page.tokens.map((t) => t.text),
		language,
	);
	const sinceFrames = (i: number) => Math.round(((ms - (page.tokens[i]?.fromMs ?? 0)) / 1000) * fps);
	const pop = style.preset === 'pop';
	// pop shows the spoken word alone, a size up, springing in from small each time the word changes.
	const popWord = pop ? words[active] : undefined;
	if (pop && !popWord) return null;
	const popScale = pop ? spring({frame: sinceFrames(active), fps, config: {damping: 10, stiffness: 260}, durationInFrames: 8}) : 1;
	const dir = textDirectionOf(language);
	// A page keeps to the two lines the layouts keep free (one for pop): words wider than a line shrink the page's font.
	const fontSize =
		baseSize *
		fitLinesScale({
			words: pop ? [popWord?.word ?? ''] : page.tokens.map((t) => t.text),
			lineColumns: pop ? lineColumns / 1.3 : lineColumns,
			maxLines: pop ? 1 : 2,
		});

	const pageOpacity = pop ? Math.min(1, popScale * 2) : 0.4 + 0.6 * enter;
	return (
		<AbsoluteFill
			style={{
				justifyContent: style.position === 'top' ? 'flex-start' : style.position === 'bottom' ? 'flex-end' : 'center',
				alignItems: 'center',
				paddingTop: safe.top,
				paddingBottom: safe.bottom,
				paddingLeft: safe.side,
				paddingRight: safe.side,
			}}
		>
			<div
				data-layout="caption"
				dir={dir}
				lang={language}
				style={{
					fontFamily: FONT_STACK,
					direction: dir,
					fontSize: pop ? fontSize * 1.3 : fontSize,
					fontWeight: classic ? 700 : 800,
					lineHeight: 1.25,
					textAlign: 'center',
					color: palette.text,
					maxWidth: '100%',
					// Break only between words: keep-all stops breaks between CJK characters of one
					// word (<wbr> marks the word boundaries); anywhere is the last resort for a word
					// wider than the frame.
					wordBreak: 'keep-all',
					overflowWrap: 'anywhere',
					textWrap: 'balance',
					// A page rises into place by whole CSS pixels as it fades in: the web renderer draws a
					// moved layer on the device grid as Chrome does, where a scaled one is resampled (docs/web-fidelity.md).
					transform: pop ? `scale(${0.6 + 0.4 * popScale})` : `translateY(${Math.round((1 - enter) * fontSize * 0.15)}px)`,
					// The page fades as one picture in every renderer (group-opacity.tsx).
					...(classic
						? textShadowStyle({y: fontSize * 0.06, blur: fontSize * 0.12, color: withAlpha('#000000', 0.6), opacity: pageOpacity})
						: groupOpacity(pageOpacity)),
				}}
			>
				{popWord ? (
					<span style={captionWordStyle({preset: 'pop', index: active, active, sinceFrames: sinceFrames(active), fps, fontSize, palette})}>
						{popWord.word}
					</span>
				) : (
					words.map(({word, space}, i) => (
						<span key={i} style={{whiteSpace: 'pre-wrap'}}>
							{space ? ' ' : i > 0 ? <wbr /> : null}
							<span style={captionWordStyle({preset: style.preset, index: i, active, sinceFrames: sinceFrames(i), fps, fontSize, palette})}>
								{word}
							</span>
						</span>
					))
				)}
			</div>
		</AbsoluteFill>
	);
};
