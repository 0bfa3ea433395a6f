import {createRequire} from 'node:module';

/**
 * The emoji artwork: Microsoft Fluent Emoji (flat style), MIT, from the npm package
 * @iconify-json/fluent-emoji-flat (Iconify JSON: one SVG body per icon, a codepoint -> name map).
 * Loaded once per process on first use (~9 MB of JSON, ~100 ms).
 */

type IconifyIcon = {body: string; width?: number; height?: number; left?: number; top?: number};
type IconifyAlias = {parent: string; hFlip?: boolean; vFlip?: boolean; rotate?: number};
type IconifyJson = {
	prefix: string;
	icons: Record<string, IconifyIcon>;
	aliases?: Record<string, IconifyAlias>;
	width?: number;
	height?: number;
};
type IconifyInfo = {
	name: string;
	author: {name: string; url?: string};
	license: {title: string; spdx?: string; url?: string};
};

export const EMOJI_SET_PACKAGE = '@iconify-json/fluent-emoji-flat';

export type EmojiSet = {
	info: IconifyInfo;
	/** Icon name for an emoji, or undefined when the set has no art for it. */
	nameOf(emoji: string): string | undefined;
	/** Whether the set has an icon (or alias) of this name. */
	hasIcon(name: string): boolean;
	/** A standalone SVG document for an icon name. */
	svgOf(name: string): string;
};

/** Iconify keys chars.json by lowercase hex codepoints joined by "-", without FE0F. */
const codepointKey = (emoji: string, keepFe0f: boolean): string =>
	[...emoji]
		.map((c) => c.codePointAt(0)!.toString(16))
		.filter((cp) => keepFe0f || cp !== 'fe0f')
		.join('-');

const escapeAttr = (s: string): string => s.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);

let cached: EmojiSet | null = null;

export const loadEmojiSet = (): EmojiSet => {
	if (cached) return cached;
	const require = createRequire(import.meta.url);
	const icons = require(`${EMOJI_SET_PACKAGE}/icons.json`) as IconifyJson;
	const chars = require(`${EMOJI_SET_PACKAGE}/chars.json`) as Record<string, string>;
	const info = require(`${EMOJI_SET_PACKAGE}/info.json`) as IconifyInfo;

	const resolve = (name: string): {icon: IconifyIcon; hFlip: boolean; vFlip: boolean} | undefined => {
		const icon = icons.icons[name];
		if (icon) return {icon, hFlip: false, vFlip: false};
		const alias = icons.aliases?.[name];
		if (!alias) return undefined;
		const parent = resolve(alias.parent);
		if (!parent) return undefined;
		return {icon: parent.icon, hFlip: parent.hFlip !== Boolean(alias.hFlip), vFlip: parent.vFlip !== Boolean(alias.vFlip)};
	};

	cached = {
		info,
		nameOf(emoji) {
			const name = chars[codepointKey(emoji, false)] ?? chars[codepointKey(emoji, true)];
			return name !== undefined && resolve(name) ? name : undefined;
		},
		hasIcon: (name) => resolve(name) !== undefined,
		svgOf(name) {
			const found = resolve(name);
			if (!found) throw new Error(`The emoji set has no icon named "${name}".`);
			const {icon, hFlip, vFlip} = found;
			const width = icon.width ?? icons.width ?? 16;
			const height = icon.height ?? icons.height ?? 16;
			const left = icon.left ?? 0;
			const top = icon.top ?? 0;
			let body = icon.body;
			if (hFlip || vFlip) {
				const sx = hFlip ? -1 : 1;
				const sy = vFlip ? -1 : 1;
				const tx = hFlip ? 2 * left + width : 0;
				const ty = vFlip ? 2 * top + height : 0;
				body = `<g transform="translate(${tx} ${ty}) scale(${sx} ${sy})">${body}</g>`;
			}
			const credit = `${info.name} by ${info.author.name}, ${info.license.title}`;
			return (
				`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ` +
				`viewBox="${left} ${top} ${width} ${height}" width="512" height="${Math.round((512 * height) / width)}">` +
				`<title>${escapeAttr(name)} (${escapeAttr(credit)})</title>${body}</svg>\n`
			);
		},
	};
	return cached;
};
