import {classifyPrompt} from './classify-prompt';
import {countWords, splitSentences} from './text-tokens';

/** What a run was given besides its prompt, as far as the template choice is concerned. */
export type TemplateHints = {
	/** The narration is the user's own recording: one audio file (not a folder of per-scene files). */
	voiceoverFile?: boolean;
	/** Kinds of the files in --media. */
	mediaKinds?: readonly ('image' | 'video')[];
};

/** The template option that asks for a choice from the prompt (the default). */
export const AUTO_TEMPLATE = 'auto';

/** A template picked without being asked for, and the reason report.json gives. */
export type TemplateChoice = {id: string; reason: string};

/** "…" as a whole, or a sentence followed by an attribution ("— Seneca", "- Ada Lovelace"). */
const QUOTE = /^\s*["“„«「『](.+)["”“»」』]\s*(?:[-–—―]\s*\p{L}[\p{L}\p{M} .'-]{0,60})?\s*$/su;
const ATTRIBUTED = /[.!?…]["”»]?\s*[-–—―]\s*\p{Lu}[\p{L}\p{M} .'-]{1,60}$/su;
/** A figure: 12, 3.5, 40%, 1,200, 2024 (digits in any script). */
const FIGURE = /\p{Nd}+(?:[.,]\p{Nd}+)*\s*%?/gu;
const MAX_QUOTE_WORDS = 40;

/** Figures per sentence at or above which a script is a data story. */
export const DATA_FIGURES_PER_SENTENCE = 1.2;

/**
 * The template that suits a prompt when none was named (docs/templates.md, "Which template"):
 * your own recording as one audio file -> audiogram; a video among your media -> captioned-clip;
 * an outline -> listicle; a short quote -> kinetic; a script dense with figures -> data-story;
 * anything else -> explainer. A planner model may still choose another from the descriptions.
 */
export const chooseTemplate = (o: {prompt: string; language: string; hints?: TemplateHints}): TemplateChoice => {
	const {prompt, language, hints = {}} = o;
	if (hints.voiceoverFile) return {id: 'audiogram', reason: 'the narration is your own recording, so its sound is drawn as a waveform'};
	if (hints.mediaKinds?.includes('video'))
		return {id: 'captioned-clip', reason: 'your media includes a video clip, shown full frame under the captions'};
	const shape = classifyPrompt(prompt, language);
	if (shape.kind === 'outline') return {id: 'listicle', reason: `the prompt is a list of ${shape.outline.items.length} items`};
	const text = prompt.trim();
	if (countWords(text, language) <= MAX_QUOTE_WORDS && (QUOTE.test(text) || ATTRIBUTED.test(text))) {
		return {id: 'kinetic', reason: 'the prompt is a short quote, set word by word'};
	}
	const sentences = Math.max(1, splitSentences(text, language).length);
	const figures = (text.match(FIGURE) ?? []).length;
	if (figures >= 3 && figures / sentences >= DATA_FIGURES_PER_SENTENCE) {
		return {id: 'data-story', reason: `the script has ${figures} figures in ${sentences} sentences, drawn as charts`};
	}
	return {id: 'explainer', reason: 'a script or topic: narrated scenes with pictures'};
};
