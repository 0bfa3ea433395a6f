import type React from 'react';
import {useState} from 'react';
import type {TemplateInfo} from './api-types';
import {Choice, Field} from './field';
import {ASPECT_CHOICES, LANGUAGE_CHOICES, MUSIC_CHOICES, QUALITY_CHOICES, VOICE_CHOICES, type PlanOptions} from './page-options';

/** Step 1: the prompt and its options; "Plan" asks the server for a storyboard. */
export const PromptForm: React.FC<{
	templates: TemplateInfo[];
	options: PlanOptions;
	onOptions: (options: PlanOptions) => void;
	onPlan: (prompt: string) => void;
	busy: boolean;
	error: string | null;
}> = ({templates, options, onOptions, onPlan, busy, error}) => {
	const [prompt, setPrompt] = useState('');
	const set = (key: keyof PlanOptions) => (value: string) => onOptions({...options, [key]: value});
	return (
		<form
			className="panel"
			aria-labelledby="prompt-heading"
			onSubmit={(e) => {
				e.preventDefault();
				onPlan(prompt);
			}}
		>
			<h2 id="prompt-heading">1. Prompt</h2>
			<Field
				id="prompt"
				label="What is the video about? A topic, an outline or a script"
				error={error ?? undefined}
				control={(p) => (
					<textarea
						{...p}
						rows={4}
						value={prompt}
						onChange={(e) => setPrompt(e.target.value)}
						placeholder="3 tips for better sleep: 1. …"
					/>
				)}
			/>
			<div className="grid">
				<Choice
					id="opt-template"
					label="Template"
					value={options.template}
					options={templates.map((t) => ({value: t.id, label: t.title}))}
					onChange={set('template')}
				/>
				<Choice id="opt-aspect" label="Aspect" value={options.aspect} options={ASPECT_CHOICES} onChange={set('aspect')} />
				<Choice id="opt-lang" label="Language" value={options.lang} options={LANGUAGE_CHOICES} onChange={set('lang')} />
				<Choice id="opt-voice" label="Voice" value={options.voice} options={VOICE_CHOICES} onChange={set('voice')} />
				<Choice id="opt-music" label="Music" value={options.music} options={MUSIC_CHOICES} onChange={set('music')} />
				<Choice id="opt-quality" label="Render quality" value={options.quality} options={QUALITY_CHOICES} onChange={set('quality')} />
			</div>
			<button type="submit" disabled={busy}>
				{busy ? 'Planning…' : 'Plan'}
			</button>
		</form>
	);
};
