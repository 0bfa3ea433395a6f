/**
 * Small stop-word lists: function words and very common verbs, which make poor titles and poor
 * visual search terms. Unknown languages fall back to English plus a length rule in the callers.
 */

const EN = `one two three four five six seven eight nine ten hundred hundreds thousand thousands million millions
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing done down during each even ever every few
for from further get gets getting got had has have having he her here hers herself him himself his how
however i if in into is it its itself just keep keeps let lets like made make makes many may me might
more most much must my myself never no nor not now of off often on once one only or other our ours
ourselves out over own per quite rather really said same say says see seen she should so some still
such than that the their theirs them themselves then there these they thing things this those through
thus to too under until up upon us use used uses using very via was we well were what when where
whether which while who whom whose why will with within without would yet you your yours yourself
yourselves today first second third next last new way ways lot lots let's it's that's there's don't
doesn't isn't aren't can't won't form run work set change increase
around inside outside behind beyond across along among toward towards near far away back almost always
usually sometimes maybe perhaps already enough instead else ago anyway etc`;

// Common English verbs and their forms: "Molten rock reaches the surface" should give "Molten Rock".
const EN_VERBS = `add added adding adds allow allowed allowing allows appear appeared appearing appears ask asked
asking asks ate avoid avoided avoiding avoids became become becomed becomes becoming began begin
begined begining begins begun believe believed believes believing breaked breaking breaks bring
bringed bringing brings brought build builded building builds built call called calling calls came
carried carries carry carrying cause caused causes causing changed changes changing close closed
closes closing collide collided collides colliding come comed comes coming continue continued
continues continuing cool cooled cooling cools create created creates creating cuted cuting cuts
decide decided decides deciding develop developed developing develops drank drinked drinking drinks
drive drived driven drives driving drove drunk eat eated eaten eating eats enter entered entering
enters erupt erupted erupting erupts escape escaped escapes escaping expect expected expecting
expects explain explained explaining explains explode exploded explodes exploding falled fallen
falling falls feel feeled feeling feels fell felt find finded finding finds flowed flowing flows
follow followed following follows formed forming forms found gave give gived given gives giving go
goed goes going gone grow growed growing grows happen happened happening happens harden hardened
hardening hardens heated heating heats held help helped helping helps hit hited hiting hits hold
holded holding holds improve improved improves improving include included includes including
increased increases increasing kept knew know knowed knowing known knows lead leaded leading leads
learn learned learning learns learnt leave leaved leaves leaving led left let leted leting lets live
lived lives living look looked looking looks lose losed loses losing lost mean meaned meaning means
meant meet meeted meeting meets melt melted melting melts met move moved moves moving need needed
needing needs open opened opening opens paid pay payed paying pays produce produced produces
producing provide provided provides providing pull pulled pulling pulls push pushed pushes pushing
put puted puting puts reach reached reaches reaching read readed reading reads reduce reduced
reduces reducing released releases releasing remain remained remaining remains remember remembered
remembering remembers rested resting rests return returned returning returns rise rised risen rises
rising rose runed runing runs sat seem seemed seeming seems send sended sending sends sent seted
sets show showed showing shown shows sit sits 
slept speak speaked speaking speaks spend spended spending spends spent stand standed standing
stands start started starting starts stay stayed staying stays stood stop stoped stoping stops take
taked taken takes taking tell telled telling tells think thinked thinking thinks thought told took
traped traping traps tried tries try trying turn turned turning turns wait waited waiting waits wake
waked wakes waking want wanted wanting wants watched watches watching went win wined wining wins
woke woken won worked working works write writed writes writing written wrote`;

const ES = `a al algo algunos ante antes como con contra cual cuando de del desde donde durante e el ella
ellas ellos en entre era es esa ese eso esta este esto estos estas fue fueron ha han hay la las le les
lo los más mas me mi muy ni no nos o para pero poco por porque que qué quien se ser si sí sin sobre
son su sus también tan te tiene tienen todo todos tu un una unas uno unos y ya yo cómo cuál dónde cada
después luego hasta hacia bajo tras hoy dos tres cuatro cinco seis siete ocho nueve diez cien mil millones grande grandes gran
pequeño pequeña pequeños pequeñas nuevo nueva alto alta bajo baja`;

const FR = `à au aux avec ce ces cette dans de des du elle elles en est et eux il ils je la le les leur
leurs lui ma mais me même mes moi mon ne nos notre nous on ou où par pas pour qu que qui sa se ses son
sont sur ta te tes toi ton tu un une vos votre vous y été être avoir a ont fait plus comme pendant depuis
chaque aujourd'hui après avant entre sans sous vers chez très aussi deux trois quatre cinq six sept huit neuf dix
onze douze vingt trente cent mille millions milliers dix-huit`;

const DE = `aber als am an auch auf aus bei bin bis da damit das dass dein der den dem des die doch du
durch ein eine einem einen einer es für hat haben hatte ich ihr im in ist ja kann man mit nach nicht
noch nur oder sein sich sie sind so über um und uns unter vom von vor war was weil wenn wie wir wird
zu zum zur werden wurde seinem seinen seiner seines seine ihrem ihren ihrer ihres ihre unser unsere unserem
unseren dein deine jeden jede jeder jedes dieser diese diesem diesen dieses alle allen viele vielen einige manche
kein keine keinen schließlich dann heute immer sehr ganz eins zwei drei vier fünf sechs sieben acht neun zehn
hundert tausend neben hinter zwischen gegen ohne seit während wegen trotz entlang außer gegenüber innerhalb
außerhalb`;

const PT = `a ao aos as com como da das de do dos e é ela ele em entre era essa esse esta este foi há
isso já mais mas me muito na nas não no nos o os ou para pela pelo por que quando se sem ser seu sua
são também te um uma você até cada depois muitos muitas dois duas três quatro cinco dez cem mil grande
grandes pequeno pequena novo nova alto alta num numa nuns numas pelas pelos sobre durante hoje`;

const IT = `a ad al alla alle anche che chi ci come con da dal dalla dei del della di e è gli ha ho
i il in la le lo ma mi ne nel nella non o per più quando se si sono su tra un una uno prima dopo
ogni molto poi fino sempre ancora due tre quattro cinque dieci cento mille viene vengono fa fanno grande
grandi piccolo piccola alto alta alti nuovo nuova nei negli nello nell nelle dai dagli dalle dallo dello degli delle dei
sul sullo sulla sui sugli sulle ai agli allo col coi oggi`;

const ZH = `的 了 是 在 和 也 有 就 不 都 而 及 与 着 或 一个 我们 他们 你们 这 那 这些 那些 它 他 她 我 你 会 能 要 把 被 让 从 到 对 为 以 等 很 还 又 吗 呢 吧`;

const HI = `का की के को में से पर और या एक यह वह ये वे है हैं था थी थे हो होता होती होते होना जाता जाती जाते
जा रहा रही रहे ने भी तो ही लिए कि जो कर करता करती करते किया गया गई गए बहुत सबसे हर कुछ अपने अपनी अपना इस उस इन उन
जब तक साथ बाद पहले अब फिर कभी सकता सकती सकते`;

const AR = `في من على إلى الى عن مع هذا هذه ذلك تلك التي الذي الذين كل أن إن ان لا ما هل قد كان كانت بين حتى عبر نحو
أو او ثم لكن لم لن هو هي هم نحن أنت عند منذ بعد قبل كما أيضا أكثر جدا يمكن يمكنها يمكنه`;

const toSet = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

const LISTS: Record<string, ReadonlySet<string>> = {
	en: new Set([...toSet(EN), ...toSet(EN_VERBS)]),
	es: toSet(ES),
	fr: toSet(FR),
	de: toSet(DE),
	pt: toSet(PT),
	it: toSet(IT),
	zh: toSet(ZH),
	hi: toSet(HI),
	ar: toSet(AR),
};

const baseLanguage = (language: string): string => language.split('-')[0]!.toLowerCase();

// In Japanese, words written only in hiragana are particles, endings and auxiliaries: the content
// of a sentence is in its kanji and katakana words.
const hiraganaOnly = /^[\p{Script=Hiragana}ー]+$/u;

// English adverbs in -ly ("slowly", "gently") say how, not what; these nouns merely look alike.
const LY_NOUNS = toSet('family supply assembly anomaly butterfly italy july jelly belly holly lily ally rally bully reply');
const isEnglishAdverb = (lower: string): boolean => lower.length >= 6 && lower.endsWith('ly') && !LY_NOUNS.has(lower);

export const isStopWord = (lower: string, language: string): boolean => {
	const base = baseLanguage(language);
	if (base === 'ja' && hiraganaOnly.test(lower)) return true;
	if (base === 'en' && isEnglishAdverb(lower)) return true;
	const list = LISTS[base] ?? LISTS.en!;
	return list.has(lower) || (base !== 'en' && LISTS.en!.has(lower) && /^[a-z']+$/.test(lower));
};

/** Words that may join two content words inside a title phrase ("Ring of Fire", "Ciclo del agua"). */
const CONNECTORS: Record<string, ReadonlySet<string>> = {
	en: toSet('of'),
	es: toSet('de del'),
	fr: toSet('de du des'),
	pt: toSet('de do da'),
	it: toSet('di del della'),
	de: toSet('von'),
	hi: toSet('का की के'),
};

export const isConnector = (lower: string, language: string): boolean => CONNECTORS[baseLanguage(language)]?.has(lower) ?? false;
