#!/usr/bin/env node
// Writes the explainer sample storyboards (version 2; src/compositions/templates/explainer/samples/*.json) and
// their narration (public/samples/narration/*.mp3). The narration is spoken by Debian festival with
// the CMU US SLT HTS voice; each caption word is timed by festival's own segment times, so the
// samples' captions match the audio exactly. Run by scripts/make-sample-media.sh.
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, dirname} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const narrationDir = join(root, 'public/samples/narration');
const samplesDir = join(root, 'src/compositions/templates/explainer/samples');
const OFFSET_MS = 250;
const TAIL_MS = 300;
const TRANSITION_MS = 500;

const CREDITS = [
	{
		kind: 'voice',
		title: 'Narration voice: CMU US SLT HTS voice for Festival',
		author: 'Carnegie Mellon University',
		url: 'http://www.festvox.org/',
		license: 'EST-2003 (BSD-like)',
		source: 'Debian festvox-us-slt-hts',
	},
	{
		kind: 'font',
		title: 'Inter typeface',
		author: 'Rasmus Andersson',
		url: 'https://rsms.me/inter/',
		license: 'OFL-1.1',
		source: '@fontsource/inter',
	},
];
const MUSIC_CREDIT = {
	kind: 'music',
	title: 'Music: "calm-pad", synthesised with sox',
	author: 'promptreel',
	url: null,
	license: 'MIT',
	source: 'promptreel',
};

/** The samples: one per aspect, each mixing an image, a video and a procedural scene. */
const SAMPLES = {
	landscape: {
		title: 'Patterns from simple rules',
		format: {aspect: '16:9', resolution: '1080p', fps: 30},
		theme: {
			palette: {background: '#0f172a', surface: '#1e3a8a', primary: '#6366f1', accent: '#facc15', text: '#f8fafc'},
			fontFamily: 'Inter',
		},
		captionStyle: {enabled: true, preset: 'highlight', position: 'bottom', combineWithinMs: 1200, fontScale: 1},
		music: {src: 'music/calm-pad.mp3', volume: 0.25, duckedVolume: 0.08, fadeOutMs: 1500, durationMs: 24000},
		endCard: {enabled: true, title: 'Simple rules, endless worlds', durationMs: 2000},
		seed: 7,
		scenes: [
			{
				id: 'formula',
				title: 'One formula',
				text: 'z² + c, again and again',
				say: 'One tiny formula draws the Mandelbrot set.',
				visual: {kind: 'image', src: 'samples/mandelbrot.jpg', motion: 'zoom-in', fit: 'cover'},
				transition: {type: 'slide', direction: 'from-right'},
			},
			{
				id: 'life',
				title: 'The Game of Life',
				text: null,
				say: 'In the Game of Life, cells live or die.',
				visual: {kind: 'video', src: 'samples/life.mp4', durationMs: 3000, trimStartMs: 0, loop: true, fit: 'cover'},
				transition: {type: 'wipe', direction: 'from-left'},
			},
			{
				id: 'variety',
				title: 'Endless variety',
				text: 'From rules a child could follow',
				say: 'Simple rules grow endless variety.',
				visual: {kind: 'procedural', style: 'orbs', icon: 'samples/icon-spark.svg'},
				transition: {type: 'fade', direction: 'from-right'},
			},
		],
	},
	portrait: {
		title: 'Zooming into infinity',
		format: {aspect: '9:16', resolution: '1080p', fps: 30},
		theme: {
			palette: {background: '#1a1035', surface: '#4c1d95', primary: '#a855f7', accent: '#22d3ee', text: '#fdf4ff'},
			fontFamily: 'Inter',
		},
		captionStyle: {enabled: true, preset: 'boxed', position: 'center', combineWithinMs: 900, fontScale: 1},
		music: null,
		endCard: {enabled: true, title: null, durationMs: 2000},
		seed: 21,
		scenes: [
			{
				id: 'closer',
				title: 'Zoom in',
				text: 'What happens at the edge?',
				say: 'Zoom into a shape, closer and closer.',
				visual: {kind: 'procedural', style: 'waves', icon: null},
				transition: {type: 'slide', direction: 'from-bottom'},
			},
			{
				id: 'edge',
				title: 'The edge',
				text: null,
				say: 'Its edge never gets any simpler.',
				visual: {kind: 'video', src: 'samples/zoom.mp4', durationMs: 3000, trimStartMs: 500, loop: true, fit: 'cover'},
				transition: {type: 'fade', direction: 'from-right'},
			},
			{
				id: 'spirals',
				title: 'New spirals',
				text: 'Every zoom, a new world',
				say: 'Every zoom reveals new spirals.',
				visual: {kind: 'image', src: 'samples/mandelbrot.jpg', motion: 'pan-left', fit: 'cover'},
				transition: {type: 'wipe', direction: 'from-top'},
			},
		],
	},
	square: {
		title: 'Pause for a minute',
		format: {aspect: '1:1', resolution: '1080p', fps: 30},
		theme: {
			palette: {background: '#14112b', surface: '#3b2a6b', primary: '#f97316', accent: '#fbbf24', text: '#fff7ed'},
			fontFamily: 'Inter',
		},
		captionStyle: {enabled: true, preset: 'classic', position: 'top', combineWithinMs: 1200, fontScale: 1.1},
		music: null,
		endCard: {enabled: true, title: 'Breathe', durationMs: 2000},
		seed: 3,
		scenes: [
			{
				id: 'breathe',
				title: 'Slow down',
				text: null,
				say: 'Breathe slowly, and watch the light fade.',
				visual: {kind: 'image', src: 'samples/dusk.jpg', motion: 'zoom-out', fit: 'cover'},
				transition: {type: 'fade', direction: 'from-right'},
			},
			{
				id: 'notice',
				title: 'Notice',
				text: 'Small things, always moving',
				say: 'Small things move all around you.',
				visual: {kind: 'video', src: 'samples/life.mp4', durationMs: 3000, trimStartMs: 0, loop: true, fit: 'cover'},
				transition: {type: 'slide', direction: 'from-left'},
			},
			{
				id: 'again',
				title: 'Begin again',
				text: 'One step at a time',
				say: 'Then begin again, one step at a time.',
				visual: {kind: 'procedural', style: 'grid', icon: null},
				transition: {type: 'none', direction: 'from-right'},
			},
		],
	},
};

const latin1Escape = (s) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');

/** Speaks `text` to `wavPath`; returns festival's words with start and end in seconds. */
const speak = (text, wavPath, work) => {
	const scm = join(work, 'say.scm');
	writeFileSync(
		scm,
		[
			'(voice_cmu_us_slt_arctic_hts)',
			`(set! u (Utterance Text "${latin1Escape(text)}"))`,
			'(utt.synth u)',
			`(utt.save.wave u "${wavPath}" 'riff)`,
			// A word starts where the segment before its first segment ends (skips pauses).
			`(mapcar (lambda (w) (format t "W\\t%s\\t%s\\t%s\\n" (item.name w) (item.feat w "R:SylStructure.daughter1.daughter1.R:Segment.p.end") (item.feat w "word_end"))) (utt.relation.items u 'Word))`,
		].join('\n'),
		'latin1',
	);
	const out = execFileSync('festival', ['-b', scm], {encoding: 'latin1'});
	return out
		.split('\n')
		.filter((l) => l.startsWith('W\t'))
		.map((l) => {
			const [, name, start, end] = l.split('\t');
			return {name, start: Number(start), end: Number(end)};
		});
};

const durationSec = (file) =>
	Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file], {encoding: 'utf8'}).trim());

mkdirSync(narrationDir, {recursive: true});
mkdirSync(samplesDir, {recursive: true});
const work = mkdtempSync(join(tmpdir(), 'promptreel-samples-'));
try {
	for (const [name, sample] of Object.entries(SAMPLES)) {
		const scenes = sample.scenes.map(({say, ...scene}) => {
			const wav = join(work, `${scene.id}.wav`);
			const words = speak(say, wav, work);
			const tokens = say.split(/\s+/).filter(Boolean);
			if (tokens.length !== words.length) {
				throw new Error(`"${say}": festival spoke ${words.length} words for ${tokens.length} tokens; avoid digits and hyphens.`);
			}
			const rel = `samples/narration/${name}-${scene.id}.mp3`;
			const mp3 = join(root, 'public', rel);
			execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', wav, '-ac', '1', '-ar', '24000', '-c:a', 'libmp3lame', '-b:a', '48k', mp3]);
			const audioMs = Math.round(durationSec(wav) * 1000);
			const captions = tokens.map((token, i) => {
				const w = words[i];
				return {
					text: i === 0 ? token : ` ${token}`,
					startMs: Math.round(OFFSET_MS + w.start * 1000),
					endMs: Math.round(OFFSET_MS + w.end * 1000),
					timestampMs: Math.round(OFFSET_MS + ((w.start + w.end) / 2) * 1000),
					confidence: 1,
				};
			});
			const durationMs = Math.ceil((OFFSET_MS + audioMs + TAIL_MS) / 100) * 100;
			console.log(`${rel}: ${audioMs} ms audio, scene ${durationMs} ms, ${statSync(mp3).size} bytes`);
			return {
				...scene,
				narration: {text: say, audio: rel, voicedText: say, voice: {id: 'festival', rate: 1}, offsetMs: OFFSET_MS, volume: 1},
				durationMs,
				durationSource: 'speech',
				captions,
				transition: {...scene.transition, durationMs: scene.transition.type === 'none' ? 0 : TRANSITION_MS},
			};
		});
		const storyboard = {
			version: 2,
			title: sample.title,
			template: 'explainer',
			language: 'en',
			format: sample.format,
			theme: sample.theme,
			scenes,
			music: sample.music,
			captionStyle: sample.captionStyle,
			endCard: sample.endCard,
			credits: sample.music ? [...CREDITS, MUSIC_CREDIT] : CREDITS,
			seed: sample.seed,
		};
		writeFileSync(join(samplesDir, `${name}.json`), `${JSON.stringify(storyboard, null, '\t')}\n`);
	}
} finally {
	rmSync(work, {recursive: true, force: true});
}
