import {readFileSync} from 'node:fs';
import {loadEmojiSet} from './emoji-set';
import {pickEmoji, type EmojiPick} from './pick-emoji';
import {pickVideoSubject} from './video-subject';

/** One labelled sentence: the pictures a person accepts as on-topic for it. */
export type PictureRow = {language: string; text: string; accept: string[]; topic?: string};
export type PictureResult = {row: PictureRow; pick: EmojiPick; onTopic: boolean};
export type PictureScore = {rows: number; onTopic: number; neutral: number; weak: number; results: PictureResult[]};

/** Reads one half of the labelled picture table (picture-table.frozen.json or .tuning.json). */
export const readPictureTable = (file: URL): PictureRow[] => (JSON.parse(readFileSync(file, 'utf8')) as {rows: PictureRow[]}).rows;

/**
 * Picks a picture for every row as generate does (the row's topic, when given, is the video's
 * title) and measures the share of on-topic picks, of weak matches (one word alone) and of neutral fallbacks.
 */
export const scorePictureTable = (rows: readonly PictureRow[]): PictureScore => {
	const set = loadEmojiSet();
	const results = rows.map((row): PictureResult => {
		const subject = row.topic ? pickVideoSubject({title: row.topic, texts: [row.text], language: row.language}) : null;
		const pick = pickEmoji({keywords: [], text: row.text, language: row.language, subject, context: row.topic, seed: 1});
		const names = row.accept.map((e) => set.nameOf(e));
		return {row, pick, onTopic: names.includes(pick.name)};
	});
	const n = Math.max(1, rows.length);
	return {
		rows: rows.length,
		onTopic: results.filter((r) => r.onTopic).length / n,
		neutral: results.filter((r) => r.pick.fallback).length / n,
		weak: results.filter((r) => r.pick.confidence === 'weak').length / n,
		results,
	};
};
