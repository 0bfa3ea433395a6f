// Writes the sample storyboards (version 2) of the kinetic, listicle, data-story and headline
// templates (src/compositions/templates/<id>/samples/*.json) and the emoji icons they show
// (public/samples/icons/*.svg, from @iconify-json/fluent-emoji-flat, MIT). The samples have no
// narration audio: their captions are timed at reading speed by the same function a silent
// video uses (readingSpeedTimings), in every script (Latin, Arabic, Devanagari, CJK).
// Run: vite-node scripts/make-template-samples.ts
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {storyboardSchema, type StoryboardInput} from '../src/compositions/storyboard';
import {fontCreditsOf, themeFontOf} from '../src/pipeline/generate/run-options';
import {projectRoot} from '../src/pipeline/project-root';
import {loadEmojiSet} from '../src/pipeline/visuals/emoji-set';
import {readingSpeedTimings} from '../src/pipeline/voice';

const root = projectRoot();
const OFFSET_MS = 300;
const TAIL_MS = 700;
const TRANSITION_MS = 450;

type SceneDraft = Omit<NonNullable<StoryboardInput['scenes']>[number], 'narration' | 'durationMs' | 'captions' | 'transition'> & {
	say: string;
};
type SampleDraft = Omit<StoryboardInput, 'scenes' | 'version' | 'template' | 'credits'> & {scenes: SceneDraft[]};

const emojiSet = loadEmojiSet();
const ICON_CREDIT = {
	kind: 'icon',
	title: 'Fluent Emoji Flat icons',
	author: emojiSet.info.author.name,
	url: 'https://github.com/microsoft/fluentui-emoji',
	license: emojiSet.info.license.title,
	source: '@iconify-json/fluent-emoji-flat',
} as const;

/** Writes the emoji's SVG to public/samples/icons/ and returns its media path. */
const icon = (emoji: string): string => {
	const name = emojiSet.nameOf(emoji);
	if (!name) throw new Error(`No Fluent emoji for ${emoji}`);
	const rel = `samples/icons/${name}.svg`;
	mkdirSync(join(root, 'public/samples/icons'), {recursive: true});
	writeFileSync(join(root, 'public', rel), emojiSet.svgOf(name));
	return rel;
};
const procedural = (emoji: string, style: 'gradient' | 'orbs' | 'grid' | 'waves' = 'gradient') => ({
	kind: 'procedural' as const,
	style,
	icon: icon(emoji),
	extraIcons: [],
});

const PALETTES = {
	night: {background: '#0b1020', surface: '#1f2a5a', primary: '#4f46e5', accent: '#f59e0b', text: '#f8fafc'},
	ember: {background: '#1c0f0a', surface: '#5b2a12', primary: '#ea580c', accent: '#fde047', text: '#fff7ed'},
	mint: {background: '#06201b', surface: '#0f4c42', primary: '#10b981', accent: '#fbbf24', text: '#ecfdf5'},
	paper: {background: '#111827', surface: '#374151', primary: '#dc2626', accent: '#facc15', text: '#f9fafb'},
	plum: {background: '#190b28', surface: '#4a1d6e', primary: '#c026d3', accent: '#22d3ee', text: '#fdf4ff'},
} as const;

const SAMPLES: Record<string, Record<string, SampleDraft>> = {
	kinetic: {
		landscape: {
			title: 'Keep going',
			language: 'en',
			format: {aspect: '16:9', resolution: '1080p', fps: 30},
			theme: {palette: PALETTES.night, fontFamily: 'Inter'},
			templateOptions: {motion: 'rise'},
			captionStyle: {enabled: false},
			endCard: {enabled: true, title: 'One step at a time', durationMs: 2000},
			seed: 11,
			scenes: [
				{
					id: 'beginner',
					title: 'On learning',
					text: null,
					visual: {kind: 'procedural', style: 'gradient'},
					say: 'Every expert was once a beginner.',
				},
				{
					id: 'going',
					title: null,
					text: null,
					visual: {kind: 'procedural', style: 'gradient'},
					say: 'They simply kept going, one small step at a time, long after it stopped being fun.',
				},
			],
		},
		portrait: {
			title: 'اقرأ كل يوم',
			language: 'ar',
			format: {aspect: '9:16', resolution: '1080p', fps: 30},
			theme: {palette: PALETTES.plum, fontFamily: 'Noto Sans Arabic'},
			templateOptions: {motion: 'slam', wordsPerPage: 6},
			captionStyle: {enabled: false},
			endCard: {enabled: true, title: null, durationMs: 2000},
			seed: 5,
			scenes: [
				{id: 'light', title: 'حكمة', text: null, visual: {kind: 'procedural', style: 'gradient'}, say: 'العلم نور والجهل ظلام.'},
				{
					id: 'page',
					title: null,
					text: null,
					visual: {kind: 'procedural', style: 'gradient'},
					say: 'اقرأ كل يوم، ولو صفحة واحدة. الخطوات الصغيرة تصنع فرقًا كبيرًا.',
				},
			],
		},
		square: {
			title: 'सपने',
			language: 'hi',
			format: {aspect: '1:1', resolution: '1080p', fps: 30},
			theme: {palette: PALETTES.ember, fontFamily: 'Noto Sans Devanagari'},
			templateOptions: {motion: 'type', upcoming: 'ghost', quoteMarks: true, wordsPerPage: 8},
			captionStyle: {enabled: false},
			endCard: {enabled: true, title: null, durationMs: 2000},
			seed: 9,
			scenes: [
				{
					id: 'dreams',
					title: null,
					text: 'ए. पी. जे. अब्दुल कलाम',
					visual: {kind: 'procedural', style: 'gradient'},
					say: 'सपने वो नहीं जो हम सोते हुए देखते हैं, सपने वो हैं जो हमें सोने नहीं देते।',
				},
			],
		},
	},
	listicle: {
		landscape: {
			title: 'Three habits for better sleep',
			language: 'en',
			format: {aspect: '16:9', resolution: '1080p', fps: 30},
			theme: {palette: PALETTES.night, fontFamily: 'Inter'},
			templateOptions: {numberStyle: 'numeral', progress: 'bar'},
			captionStyle: {enabled: true, preset: 'highlight', position: 'bottom'},
			endCard: {enabled: true, title: 'Sleep well', durationMs: 2000},
			seed: 2,
			scenes: [
				{
					id: 'intro',
					title: 'Three habits for better sleep',
					text: null,
					visual: procedural('🛏'),
					say: 'Three small habits for better sleep.',
				},
				{
					id: 'schedule',
					title: 'Keep a schedule',
					text: 'Same time, even at weekends',
					itemNumber: 1,
					visual: procedural('⏰'),
					say: 'Go to bed and wake up at the same time every day.',
				},
				{
					id: 'dim',
					title: 'Dim the lights',
					text: 'An hour before bed',
					itemNumber: 2,
					visual: {kind: 'image', src: 'samples/dusk.jpg', motion: 'zoom-in', fit: 'cover'},
					say: 'Soft light in the evening tells your body it is night.',
				},
				{
					id: 'coffee',
					title: 'No late coffee',
					text: 'Caffeine lasts for hours',
					itemNumber: 3,
					visual: procedural('☕'),
					say: 'Skip coffee after lunch, because caffeine stays with you.',
				},
			],
		},
		portrait: {
			title: '旅行の準備、三つのコツ',
			language: 'ja',
			format: {aspect: '9:16', resolution: '1080p', fps: 30},
			theme: {palette: PALETTES.mint, fontFamily: 'Noto Sans JP'},
			templateOptions: {numberStyle: 'padded', progress: 'dots'},
			captionStyle: {enabled: true, preset: 'boxed', position: 'bottom'},
			endCard: {enabled: true, title: 'よい旅を', durationMs: 2000},
			seed: 4,
			scenes: [
				{
					id: 'light',
					title: '荷物は軽く',
					text: '必要な物だけ',
					itemNumber: 1,
					visual: procedural('🧳'),
					say: '荷物は軽くして、必要な物だけを持って行きましょう。',
				},
				{
					id: 'maps',
					title: '地図を保存',
					text: 'オフラインでも安心',
					itemNumber: 2,
					visual: procedural('🗺'),
					say: '出発の前に、地図をスマートフォンに保存しましょう。',
				},
				{
					id: 'camera',
					title: 'カメラを充電',
					text: '予備の電池も',
					itemNumber: 3,
					visual: procedural('📷'),
					say: 'カメラを充電して、予備の電池も忘れずに。',
				},
			],
		},
		square: {
			title: 'Three wonders of simple rules',
			language: 'en',
			format: {aspect: '1:1', resolution: '1080p', fps: 30},
			theme: {palette: PALETTES.plum, fontFamily: 'Inter'},
			templateOptions: {numberStyle: 'hash', progress: 'dots'},
			captionStyle: {enabled: true, preset: 'pop', position: 'bottom'},
			endCard: {enabled: true, title: 'Simple rules, endless worlds', durationMs: 2000},
			seed: 8,
			scenes: [
				{
					id: 'edges',
					title: 'Edges without end',
					text: null,
					itemNumber: 3,
					visual: {kind: 'image', src: 'samples/mandelbrot.jpg', motion: 'zoom-in', fit: 'cover'},
					say: 'Number three: a coastline that never gets simpler.',
				},
				{
					id: 'zoom',
					title: 'Zoom forever',
					text: null,
					itemNumber: 2,
					visual: {kind: 'video', src: 'samples/zoom.mp4', durationMs: 3000, trimStartMs: 0, loop: true, fit: 'cover'},
					say: 'Number two: zoom in forever and find new spirals.',
				},
				{
					id: 'life',
					title: 'Life from four rules',
					text: null,
					itemNumber: 1,
					visual: {kind: 'video', src: 'samples/life.mp4', durationMs: 3000, trimStartMs: 0, loop: true, fit: 'cover'},
					say: 'And number one: four rules that look alive.',
				},
			],
		},
	},
	'data-story': {
		landscape: {
			title: 'Our café in numbers',
			language: 'en',
			format: {aspect: '16:9', resolution: '1080p', fps: 30},
			theme: {palette: PALETTES.ember, fontFamily: 'Inter'},
			templateOptions: {},
			captionStyle: {enabled: true, preset: 'highlight', position: 'bottom'},
			endCard: {enabled: true, title: 'Thanks for visiting', durationMs: 2000},
			seed: 3,
			scenes: [
				{
					id: 'cups',
					title: 'Cups served last year',
					text: null,
					visual: procedural('☕'),
					data: {chart: 'counter', unit: 'cups', points: [{label: 'Cups', value: 48000}]},
					say: 'Last year our little café served forty eight thousand cups.',
				},
				{
					id: 'drinks',
					title: 'What people order',
					text: null,
					visual: {kind: 'procedural', style: 'grid'},
					data: {
						chart: 'bar',
						unit: '%',
						points: [
							{label: 'Latte', value: 42},
							{label: 'Espresso', value: 27},
							{label: 'Tea', value: 18},
							{label: 'Cocoa', value: 13},
						],
					},
					say: 'Lattes lead, then espresso, tea and cocoa.',
				},
				{
					id: 'spring',
					title: 'Monthly sales',
					text: 'Thousands of cups',
					visual: {kind: 'procedural', style: 'grid'},
					data: {
						chart: 'line',
						unit: 'k',
						points: [
							{label: 'Jan', value: 3.1},
							{label: 'Feb', value: 3.4},
							{label: 'Mar', value: 3.9},
							{label: 'Apr', value: 4.6},
							{label: 'May', value: 5.2},
							{label: 'Jun', value: 5.9},
						],
					},
					say: 'And sales grew every single month this spring.',
				},
			],
		},
		portrait: {
			title: '我们的花园',
			language: 'zh',
			format: {aspect: '9:16', resolution: '1080p', fps: 30},
			theme: {palette: PALETTES.mint, fontFamily: 'Noto Sans SC'},
			templateOptions: {numberFormat: 'full'},
			captionStyle: {enabled: true, preset: 'highlight', position: 'bottom'},
			endCard: {enabled: true, title: '明年见', durationMs: 2000},
			seed: 6,
			scenes: [
				{
					id: 'plants',
					title: '今年种下的植物',
					text: null,
					visual: procedural('🌱'),
					data: {chart: 'counter', unit: '株', points: [{label: '植物', value: 1200}]},
					say: '今年，我们的花园种下了一千二百株植物。',
				},
				{
					id: 'kinds',
					title: '各类蔬果占比',
					text: null,
					visual: {kind: 'procedural', style: 'grid'},
					data: {
						chart: 'bar',
						unit: '%',
						points: [
							{label: '番茄', value: 40},
							{label: '黄瓜', value: 25},
							{label: '辣椒', value: 20},
							{label: '草莓', value: 15},
						],
					},
					say: '番茄最多，其次是黄瓜、辣椒和草莓。',
				},
			],
		},
		square: {
			title: 'Radfahren in unserer Stadt',
			language: 'de',
			format: {aspect: '1:1', resolution: '1080p', fps: 30},
			theme: {palette: PALETTES.night, fontFamily: 'Inter'},
			templateOptions: {numberFormat: 'compact', gridLines: false},
			captionStyle: {enabled: true, preset: 'reveal', position: 'bottom'},
			endCard: {enabled: true, title: 'Gute Fahrt', durationMs: 2000},
			seed: 12,
			scenes: [
				{
					id: 'trips',
					title: 'Fahrten pro Jahr',
					text: null,
					visual: procedural('🚲'),
					data: {chart: 'counter', unit: null, points: [{label: 'Fahrten', value: 2400000}]},
					say: 'Jedes Jahr zählen wir zwei Komma vier Millionen Fahrten.',
				},
				{
					id: 'growth',
					title: 'Fahrten pro Tag',
					text: 'Tausend, Jahresmittel',
					visual: {kind: 'procedural', style: 'grid'},
					data: {
						chart: 'line',
						unit: null,
						points: [
							{label: '2020', value: 4.1},
							{label: '2021', value: 4.8},
							{label: '2022', value: 5.6},
							{label: '2023', value: 6.2},
							{label: '2024', value: 6.6},
						],
					},
					say: 'Seit zwanzig zwanzig wächst die Zahl jedes Jahr.',
				},
			],
		},
	},
	headline: {
		landscape: {
			title: 'Patterns from simple rules',
			language: 'en',
			format: {aspect: '16:9', resolution: '1080p', fps: 30},
			theme: {palette: PALETTES.paper, fontFamily: 'Inter'},
			templateOptions: {kicker: 'Science', source: 'Images: promptreel sample media'},
			captionStyle: {enabled: true, preset: 'classic', position: 'bottom'},
			endCard: {enabled: true, title: null, durationMs: 2000},
			seed: 1,
			scenes: [
				{
					id: 'coast',
					title: 'A formula that draws an endless coastline',
					text: 'The Mandelbrot set keeps revealing new shapes',
					visual: {kind: 'image', src: 'samples/mandelbrot.jpg', motion: 'zoom-in', fit: 'cover'},
					say: 'A formula of a few symbols draws a coastline that never ends.',
				},
				{
					id: 'life',
					title: 'Four rules that look alive',
					text: 'The Game of Life, fifty years on',
					visual: {kind: 'video', src: 'samples/life.mp4', durationMs: 3000, trimStartMs: 0, loop: true, fit: 'cover'},
					say: 'In the Game of Life, four rules make patterns that seem to live.',
				},
			],
		},
		portrait: {
			title: 'आज की ख़बरें',
			language: 'hi',
			format: {aspect: '9:16', resolution: '1080p', fps: 30},
			theme: {palette: PALETTES.paper, fontFamily: 'Noto Sans Devanagari'},
			templateOptions: {kicker: 'समाचार', source: 'चित्र: promptreel नमूना मीडिया'},
			captionStyle: {enabled: true, preset: 'highlight', position: 'bottom'},
			endCard: {enabled: true, title: null, durationMs: 2000},
			seed: 2,
			scenes: [
				{
					id: 'evening',
					title: 'शहर में सुहानी शाम',
					text: 'लोग पार्क में टहलने निकले',
					visual: {kind: 'image', src: 'samples/dusk.jpg', motion: 'pan-left', fit: 'cover'},
					say: 'आज शाम शहर का मौसम सुहाना रहा। लोग पार्क में टहलने निकले।',
				},
				{
					id: 'maths',
					title: 'गणित की अनोखी दुनिया',
					text: 'एक सूत्र, अनगिनत आकार',
					visual: {kind: 'image', src: 'samples/mandelbrot.jpg', motion: 'zoom-in', fit: 'cover'},
					say: 'एक छोटा सा सूत्र अनगिनत आकार बनाता है।',
				},
			],
		},
		square: {
			title: 'أخبار المساء',
			language: 'ar',
			format: {aspect: '1:1', resolution: '1080p', fps: 30},
			theme: {palette: PALETTES.paper, fontFamily: 'Noto Sans Arabic'},
			templateOptions: {kicker: 'أخبار', source: 'الصور: وسائط promptreel التجريبية', headlineCase: 'as-written'},
			captionStyle: {enabled: true, preset: 'highlight', position: 'top'},
			endCard: {enabled: true, title: null, durationMs: 2000},
			seed: 3,
			scenes: [
				{
					id: 'sunset',
					title: 'غروب هادئ فوق المدينة',
					text: 'السماء تتلون بالبرتقالي',
					visual: {kind: 'image', src: 'samples/dusk.jpg', motion: 'zoom-out', fit: 'cover'},
					say: 'شهدت المدينة مساء اليوم غروبًا هادئًا.',
				},
				{
					id: 'life',
					title: 'أنماط من قواعد بسيطة',
					text: 'خلايا تعيش وتموت',
					visual: {kind: 'video', src: 'samples/life.mp4', durationMs: 3000, trimStartMs: 0, loop: true, fit: 'cover'},
					say: 'في لعبة الحياة، تعيش الخلايا وتموت وفق قواعد بسيطة.',
				},
			],
		},
	},
};

const usesEmoji = (draft: SampleDraft) => draft.scenes.some((s) => s.visual.kind === 'procedural' && s.visual.icon);

for (const [template, samples] of Object.entries(SAMPLES)) {
	const dir = join(root, 'src/compositions/templates', template, 'samples');
	mkdirSync(dir, {recursive: true});
	for (const [name, draft] of Object.entries(samples)) {
		const language = draft.language ?? 'en';
		const scenes = draft.scenes.map(({say, ...scene}, i) => {
			const timed = readingSpeedTimings({text: say, language});
			const last = i === draft.scenes.length - 1;
			return {
				...scene,
				narration: {text: say, audio: null, voicedText: null, voice: null, offsetMs: OFFSET_MS, volume: 1},
				durationMs: Math.ceil((OFFSET_MS + timed.durationMs + TAIL_MS) / 100) * 100,
				durationSource: 'user' as const,
				captions: timed.words.map((w, j) => ({
					text: j === 0 ? w.text : ` ${w.text}`,
					startMs: OFFSET_MS + w.startMs,
					endMs: OFFSET_MS + w.endMs,
					timestampMs: null,
					confidence: null,
				})),
				transition: {
					type: last && !draft.endCard?.enabled ? ('none' as const) : ('slide' as const),
					direction: 'from-right' as const,
					durationMs: TRANSITION_MS,
				},
			};
		});
		const storyboard: StoryboardInput = {
			version: 2,
			...draft,
			template,
			language,
			theme: {...draft.theme, fontFamily: draft.theme?.fontFamily ?? themeFontOf(language)},
			scenes,
			music: null,
			credits: [...fontCreditsOf(language), ...(usesEmoji(draft) ? [ICON_CREDIT] : [])],
		};
		// Parse before writing: a sample that does not validate is never written.
		storyboardSchema.parse(storyboard);
		writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(storyboard, null, '\t')}\n`);
		console.log(`${template}/${name}: ${scenes.length} scenes, ${scenes.reduce((s, x) => s + x.durationMs, 0)} ms`);
	}
}
