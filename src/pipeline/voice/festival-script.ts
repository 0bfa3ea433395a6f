import type {EngineToken} from './align-token-timings';
import {tokenKey} from './tokenize-script';
import {toSchemeString} from './to-festival-text';

export type FestivalChunk = {text: string; wavFile: string};

/**
 * A Festival batch script that speaks each chunk as its own utterance, saves it as a RIFF wav and
 * prints its tokens and their words' times: a word starts at its first syllable's first segment
 * (pauses belong to no syllable), and ends at `word_end`.
 */
export const buildFestivalScript = ({voice, rate, chunks}: {voice: string; rate: number; chunks: FestivalChunk[]}): string => {
	const lines = [
		`(${voice})`,
		// The HTS engine ignores Duration_Stretch; its own "-r" speed option rescales the durations
		// it writes back to the segments, so the timings follow.
		rate === 1 ? '' : `(set! hts_engine_params (append hts_engine_params (list (list "-r" ${rate.toFixed(3)}))))`,
		`(define (promptreel_say idx text file)
  ;; Utterance does not evaluate its arguments: build the call so the text is passed, not the symbol.
  (let ((u (eval (list 'Utterance 'Text text))) (tk nil))
    (utt.synth u)
    (utt.save.wave u file 'riff)
    (format t "@@U %s\\n" idx)
    (set! tk (utt.relation.first u 'Token))
    (while tk
      (format t "@@T %s\\n" (item.name tk))
      (mapcar
        (lambda (w)
          (format t "@@W %s %s %s\\n"
            (item.feat w "R:SylStructure.daughter1.daughter1.segment_start")
            (item.feat w "word_end")
            (item.name w)))
        (item.daughters tk))
      (set! tk (item.next tk)))))`,
		...chunks.map((c, i) => `(promptreel_say "${i}" ${toSchemeString(c.text)} ${toSchemeString(c.wavFile)})`),
	];
	return lines.filter((l) => l !== '').join('\n') + '\n';
};

/** Engine tokens per chunk index, from the script's stdout. Punctuation "words" (no time) are dropped. */
export const parseFestivalOutput = (stdout: string): Map<number, EngineToken[]> => {
	const out = new Map<number, EngineToken[]>();
	let tokens: EngineToken[] | null = null;
	for (const line of stdout.split('\n')) {
		if (line.startsWith('@@U ')) {
			tokens = [];
			out.set(Number(line.slice(4)), tokens);
		} else if (line.startsWith('@@T ') && tokens) {
			tokens.push({key: tokenKey(line.slice(4)), words: []});
		} else if (line.startsWith('@@W ') && tokens) {
			const [start, end] = line.slice(4).split(' ').map(Number);
			const token = tokens[tokens.length - 1];
			if (token && start !== undefined && end !== undefined && end > 0 && end >= start) {
				token.words.push({startMs: start * 1000, endMs: end * 1000});
			}
		}
	}
	return out;
};
