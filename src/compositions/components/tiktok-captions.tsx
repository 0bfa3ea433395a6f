import type React from 'react';
import {useMemo} from 'react';
import {AbsoluteFill, spring, useCurrentFrame, useVideoConfig} from 'remotion';
import {captionWords, textDirectionOf, type CaptionStyle, type Palette, type StoryboardCaption} from '../storyboard';
import {captionPages} from './caption-pages';
import {FONT_STACK} from './load-fonts';
import {useFrameLayout} from './use-frame-layout';
import {withAlpha} from './with-alpha';

/** How long the last page of a scene stays up after its last word, in ms. */
const LINGER_MS = 500;

/**
 * TikTok-style caption pages of one scene in one of the storyboard's caption presets (the word
 * being spoken highlighted, boxed, popped, revealed or bounced; classic shows the page alone). Frame 0 is the
 * scene's start: caption times are ms from the scene start. Place it in an absolute <Sequence>.
 * Right-to-left scripts are laid out right to left; lines break only between words (never inside
 * a word or a grapheme, also in Japanese and Chinese, which have no spaces).
 */
export const TikTokCaptions: React.FC<{captions: StoryboardCaption[]; style: CaptionStyle; palette: Palette; language?: string}> = ({
	captions,
	style,
	palette,
	language = 'en',
}) => {
	const frame = useCurrentFrame();
	const {fps} = useVideoConfig();
	const {unit, safe, orientation} = useFrameLayout();
	// Pages end at sentence ends and break where reading pauses (see caption-pages.ts), never
	// inside a CJK phrase; a portrait frame holds fewer columns.
	const maxColumns = orientation === 'portrait' ? 26 : 38;
	const pages = useMemo(
		() =>
			captionPages(captions, {maxColumns, maxPageMs: Math.max(2400, style.combineWithinMs * 2.5)}).map((p) => ({
				startMs: p.startMs,
				durationMs: p.endMs - p.startMs,
				tokens: p.words.map((w) => ({text: w.text, fromMs: w.startMs, toMs: w.endMs})),
			})),
		[captions, style.combineWithinMs, maxColumns],
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
	const fontSize = unit * (orientation === 'portrait' ? 7.2 : 6.2) * style.fontScale;
	const stroke = withAlpha('#000000', 0.85);
	const words = captionWords(
		page.tokens.map((t) => t.text),
		language,
	);
	const outlined: React.CSSProperties = {WebkitTextStroke: `${fontSize * 0.14}px ${stroke}`, paintOrder: 'stroke fill'};
	// classic shows the page as one block, with no word singled out.
	const classic = style.preset === 'classic';
	/** How a word looks: by its place relative to the spoken one, and the preset. */
	const wordStyleOf = (i: number): React.CSSProperties => {
		const isActive = i === active;
		switch (style.preset) {
			case 'classic':
				return {};
			case 'boxed':
				return isActive
					? {
							background: palette.accent,
							color: palette.background,
							borderRadius: fontSize * 0.18,
							padding: `0 ${fontSize * 0.16}px`,
							margin: `0 ${-fontSize * 0.16}px`,
							boxDecorationBreak: 'clone',
							WebkitBoxDecorationBreak: 'clone',
						}
					: outlined;
			case 'pop':
				// One word at a time: the others keep their place (no reflow) but are invisible.
				return isActive ? {...outlined, color: palette.accent} : {...outlined, opacity: 0};
			case 'reveal':
				return i <= active ? {...outlined, color: isActive ? palette.accent : palette.text} : {...outlined, opacity: 0};
			case 'bounce': {
				const token = page.tokens[i];
				const since = token ? Math.round(((ms - token.fromMs) / 1000) * fps) : 0;
				const lift = i <= active ? spring({frame: since, fps, config: {damping: 10, stiffness: 240}, durationInFrames: 10}) : 0;
				return {
					...outlined,
					color: isActive ? palette.accent : palette.text,
					display: 'inline-block',
					transform: `translateY(${(1 - lift) * fontSize * 0.25}px)`,
					opacity: i <= active ? 1 : 0.55,
				};
			}
			case 'highlight':
				return isActive ? {...outlined, color: palette.accent} : outlined;
		}
	};

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
				dir={textDirectionOf(language)}
				lang={language}
				style={{
					fontFamily: FONT_STACK,
					direction: textDirectionOf(language),
					fontSize,
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
					transform: `scale(${0.88 + 0.12 * enter})`,
					opacity: 0.4 + 0.6 * enter,
					...(classic
						? {
								background: withAlpha(palette.background, 0.72),
								padding: `${fontSize * 0.25}px ${fontSize * 0.5}px`,
								borderRadius: fontSize * 0.35,
							}
						: {}),
				}}
			>
				{words.map(({word, space}, i) => {
					const wordStyle = wordStyleOf(i);
					return (
						<span key={i} style={{whiteSpace: 'pre-wrap'}}>
							{space ? ' ' : i > 0 ? <wbr /> : null}
							<span style={wordStyle}>{word}</span>
						</span>
					);
				})}
			</div>
		</AbsoluteFill>
	);
};
