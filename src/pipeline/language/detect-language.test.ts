import {describe, expect, it} from 'vitest';
import {detectLanguage} from './detect-language';
import {LANGUAGE_SAMPLES} from './language-samples';
import {resolveLanguage, UnsupportedLanguageError} from './resolve-language';
import {SUPPORTED_LANGUAGE_CODES} from './supported-languages';

/** Short: a topic as people type it. Long: a paragraph of a script. (Medium: LANGUAGE_SAMPLES.) */
const SUPPORTED_TABLE: Record<string, {short: string; long: string}> = {
	en: {
		short: 'How volcanoes form',
		long: 'Coffee starts as the seed of a bright red cherry. Farmers pick the ripe fruit by hand, then wash, ferment and dry the beans for days in the sun. Roasting turns them brown and unlocks hundreds of aromas, and a good grinder and fresh water do the rest.',
	},
	es: {
		short: 'Consejos para dormir mejor',
		long: 'El café empieza como la semilla de una cereza roja. Los agricultores recogen a mano la fruta madura y después lavan, fermentan y secan los granos al sol durante varios días. El tostado los vuelve marrones y libera cientos de aromas.',
	},
	de: {
		short: 'Wie Vulkane entstehen',
		long: 'Kaffee beginnt als Samen einer leuchtend roten Kirsche. Die Bauern pflücken die reifen Früchte von Hand, dann werden die Bohnen gewaschen, fermentiert und tagelang in der Sonne getrocknet. Das Rösten macht sie braun und setzt Hunderte von Aromen frei.',
	},
	fr: {
		short: 'Comment se forment les volcans',
		long: "Le café commence comme la graine d'une cerise rouge vif. Les agriculteurs cueillent les fruits mûrs à la main, puis lavent, fermentent et sèchent les grains au soleil pendant plusieurs jours. La torréfaction les rend bruns et libère des centaines d'arômes.",
	},
	pt: {
		short: 'Dicas para dormir melhor',
		long: 'O café começa como a semente de uma cereja vermelha. Os agricultores colhem os frutos maduros à mão e depois lavam, fermentam e secam os grãos ao sol durante vários dias. A torra deixa os grãos castanhos e liberta centenas de aromas.',
	},
	it: {
		short: 'Consigli per dormire meglio',
		long: 'Il caffè nasce come il seme di una ciliegia rosso vivo. I contadini raccolgono a mano i frutti maturi, poi lavano, fanno fermentare e seccano i chicchi al sole per diversi giorni. La tostatura li rende marroni e libera centinaia di aromi.',
	},
	ja: {
		short: '火山のでき方',
		long: 'コーヒーは真っ赤な実の種から始まります。農家は熟した実を手で摘み取り、豆を洗って発酵させ、何日も太陽の下で乾かします。焙煎すると豆は茶色になり、何百もの香りが生まれます。',
	},
	zh: {
		short: '火山是如何形成的',
		long: '咖啡最初是鲜红色果实里的种子。农民用手采摘成熟的果实，然后把咖啡豆清洗、发酵，并在阳光下晒上好几天。烘焙让咖啡豆变成棕色，并释放出数百种香气。',
	},
	ar: {
		short: 'كيف تتشكل البراكين',
		long: 'تبدأ القهوة بذرةً داخل ثمرة حمراء زاهية. يقطف المزارعون الثمار الناضجة باليد، ثم يغسلون الحبوب ويخمرونها ويجففونها تحت الشمس لعدة أيام. والتحميص يجعلها بنية اللون ويطلق مئات الروائح.',
	},
	hi: {
		short: 'ज्वालामुखी कैसे बनते हैं',
		long: 'कॉफ़ी एक चमकीले लाल फल के बीज के रूप में शुरू होती है। किसान पके हुए फलों को हाथ से तोड़ते हैं, फिर बीजों को धोकर, किण्वित करके कई दिनों तक धूप में सुखाते हैं। भूनने से बीज भूरे हो जाते हैं और सैकड़ों सुगंधें निकलती हैं।',
	},
};

const UNSUPPORTED_TABLE: Record<string, {short: string; long: string}> = {
	ru: {
		short: 'Как образуются вулканы',
		long: 'Кофе начинается как семя ярко-красной ягоды. Фермеры собирают спелые плоды вручную, затем моют, ферментируют и сушат зёрна на солнце несколько дней. Обжарка делает их коричневыми и раскрывает сотни ароматов.',
	},
	ko: {
		short: '화산은 어떻게 만들어지나',
		long: '커피는 선명한 빨간 열매의 씨앗에서 시작됩니다. 농부들은 잘 익은 열매를 손으로 따고, 원두를 씻고 발효시킨 뒤 며칠 동안 햇볕에 말립니다. 로스팅을 하면 원두가 갈색이 되고 수백 가지 향이 생깁니다.',
	},
	pl: {
		short: 'Jak powstają wulkany',
		long: 'Kawa zaczyna się jako nasiono jaskrawoczerwonej wiśni. Rolnicy zbierają dojrzałe owoce ręcznie, a potem myją, fermentują i suszą ziarna na słońcu przez kilka dni. Palenie sprawia, że stają się brązowe i uwalniają setki aromatów.',
	},
};

type Row = [string, string, string, string];
const supportedRows: Row[] = Object.entries(SUPPORTED_TABLE).flatMap(([code, t]): Row[] => [
	[code, 'short', t.short, code],
	[code, 'medium', LANGUAGE_SAMPLES[code]!, code],
	[code, 'long', t.long, code],
]);

describe('detectLanguage: supported languages', () => {
	it('covers every supported language', () => {
		expect(Object.keys(SUPPORTED_TABLE).sort()).toEqual([...SUPPORTED_LANGUAGE_CODES].sort());
		expect(Object.keys(LANGUAGE_SAMPLES).sort()).toEqual([...SUPPORTED_LANGUAGE_CODES].sort());
	});

	it.each(supportedRows)('%s (%s text)', async (_code, _length, text, expected) => {
		const d = await detectLanguage(text);
		expect(d).toMatchObject({language: expected, supported: true});
		expect(d.reason).not.toBe('');
	});

	it.each([
		["the issue's French sentence", 'Le volcan grandit quand le magma monte.', 'fr'],
		["the issue's Italian sentence", 'I vulcani crescono dove sale il magma.', 'it'],
		['Japanese with English words', 'ReactとTypeScriptでアプリを作ります。Node.jsも使います。', 'ja'],
		['Chinese with an English brand', '我们用Python写程序，然后在Linux上运行。', 'zh'],
		['kanji without kana goes to Chinese', '東京大学', 'zh'],
		['Spanish punctuation', '¿Qué es un volcán? ¡Una montaña!', 'es'],
		['German letters', 'Größe und Maß', 'de'],
		['an English topic naming a city', 'Tokyo travel tips', 'en'],
		['an English topic that looks Dutch', 'Paris in spring', 'en'],
		['an English outline', '3 tips for better sleep: 1. Keep a schedule. 2. Cut caffeine. 3. Dim the lights.', 'en'],
	])('%s', async (_name, text, expected) => {
		expect((await detectLanguage(text)).language).toBe(expected);
	});

	it('the two sentences of the issue are reliable detections', async () => {
		expect(await detectLanguage('Le volcan grandit quand le magma monte.')).toMatchObject({language: 'fr', reliable: true});
		expect(await detectLanguage('I vulcani crescono dove sale il magma.')).toMatchObject({language: 'it', reliable: true});
	});

	it('falls back to English, unreliably, for text without letters or n-grams', async () => {
		expect(await detectLanguage('123 456 !!!')).toMatchObject({language: 'en', reliable: false});
		expect(await detectLanguage('')).toMatchObject({language: 'en', reliable: false});
		expect(await detectLanguage('Coffee')).toMatchObject({language: 'en', reliable: false});
	});
});

describe('detectLanguage: unsupported languages', () => {
	const rows = Object.entries(UNSUPPORTED_TABLE).flatMap(([code, t]) => [
		[code, 'short', t.short],
		[code, 'long', t.long],
	]);
	it.each(rows)('%s (%s text) is recognised as unsupported', async (code, _length, text) => {
		expect(await detectLanguage(text!)).toMatchObject({language: code, supported: false});
	});

	it('does not refuse a short Latin-script text on the detector alone: it warns instead', async () => {
		// eld calls these Dutch / Polish; a refusal here would turn English users away.
		for (const text of ['Rust vs Go', 'Origami crane']) {
			expect(await detectLanguage(text)).toMatchObject({language: 'en', supported: true, reliable: false});
		}
	});
});

describe('resolveLanguage', () => {
	it('keeps a supported tag as given, region included', async () => {
		const r = await resolveLanguage({requested: 'pt-BR', text: 'anything'});
		expect(r).toMatchObject({tag: 'pt-BR', requested: 'pt-BR', detection: null, warnings: []});
		expect(r.language.code).toBe('pt');
	});

	it('detects when the request is null or auto', async () => {
		expect(await resolveLanguage({requested: null, text: LANGUAGE_SAMPLES.ar!})).toMatchObject({
			tag: 'ar',
			requested: 'auto',
			warnings: [],
		});
		expect((await resolveLanguage({requested: 'auto', text: LANGUAGE_SAMPLES.hi!})).detection?.language).toBe('hi');
	});

	it('refuses an unknown --lang with the supported list', async () => {
		const error = await resolveLanguage({requested: 'xx', text: 'hello'}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(UnsupportedLanguageError);
		expect((error as UnsupportedLanguageError).message).toMatch(/Supported: en \(English\), es \(Spanish\).*hi \(Hindi\)/);
		expect(error).toMatchObject({badInput: true, code: 'UNSUPPORTED_LANGUAGE'});
	});

	it('refuses a detected Russian script, naming the supported languages and --lang', async () => {
		const error = await resolveLanguage({requested: null, text: UNSUPPORTED_TABLE.ru!.long}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(UnsupportedLanguageError);
		const message = (error as Error).message;
		expect(message).toMatch(/looks like Russian \(ru\), which promptreel does not support/);
		expect(message).toMatch(/Supported: en \(English\),.*hi \(Hindi\)/);
		expect(message).toMatch(/--lang/);
		expect(error).toMatchObject({badInput: true, code: 'UNSUPPORTED_LANGUAGE'});
	});

	it("uses --lang over the detection (a Russian script with --lang en is the user's call)", async () => {
		expect((await resolveLanguage({requested: 'en', text: UNSUPPORTED_TABLE.ru!.short})).tag).toBe('en');
	});

	it("warns LANGUAGE_UNCERTAIN, naming --lang, below the detector's reliability threshold", async () => {
		const r = await resolveLanguage({requested: 'auto', text: 'Rust vs Go'});
		expect(r.tag).toBe('en');
		expect(r.warnings).toEqual([
			{code: 'LANGUAGE_UNCERTAIN', message: expect.stringMatching(/English was assumed.*pass --lang with one of: en, es, de/)},
		]);
	});
});
