import type React from 'react';
import {CAPTION_PRESETS, DEFAULT_PALETTE, FONT_FAMILIES, type Palette} from '../compositions/storyboard';
import type {StoryboardJson, TemplateInfo} from './api-types';
import {Choice, Field} from './field';
import {ASPECT_CHOICES} from './page-options';
import type {FieldErrors} from './validate-storyboard';

type Edit = (next: StoryboardJson, field: string) => void;
type Json = Record<string, unknown>;

const PALETTE_KEYS: {key: keyof Palette; label: string}[] = [
	{key: 'background', label: 'Background'},
	{key: 'surface', label: 'Surface'},
	{key: 'primary', label: 'Primary'},
	{key: 'accent', label: 'Accent'},
	{key: 'text', label: 'Text'},
];

const objectAt = (sb: StoryboardJson, key: string): Json => (typeof sb[key] === 'object' && sb[key] !== null ? (sb[key] as Json) : {});

/** The whole video: title, template, captions, palette, font and end card. */
export const VideoSettings: React.FC<{storyboard: StoryboardJson; templates: TemplateInfo[]; errors: FieldErrors; onEdit: Edit}> = ({
	storyboard: sb,
	templates,
	errors,
	onEdit,
}) => {
	const captionStyle = objectAt(sb, 'captionStyle');
	const theme = objectAt(sb, 'theme');
	const palette: Palette = {...DEFAULT_PALETTE, ...(theme.palette as Partial<Palette> | undefined)};
	const endCard = objectAt(sb, 'endCard');
	const captions = captionStyle.enabled === false ? 'off' : String(captionStyle.preset ?? 'highlight');
	return (
		<fieldset className="panel">
			<legend>Whole video</legend>
			<Field
				id="sb-title"
				label="Video title"
				error={errors.title}
				control={(p) => (
					<input {...p} type="text" value={String(sb.title ?? '')} onChange={(e) => onEdit({...sb, title: e.target.value}, 'title')} />
				)}
			/>
			<div className="grid">
				<Choice
					id="sb-template"
					label="Template"
					value={String(sb.template ?? 'explainer')}
					options={templates.map((t) => ({value: t.id, label: t.title}))}
					error={errors.template}
					onChange={(v) => onEdit({...sb, template: v}, 'template')}
				/>
				<Choice
					id="sb-aspect"
					label="Aspect"
					value={String(objectAt(sb, 'format').aspect ?? '16:9')}
					options={ASPECT_CHOICES}
					error={errors['format.aspect']}
					onChange={(v) => onEdit({...sb, format: {...objectAt(sb, 'format'), aspect: v}}, 'aspect')}
				/>
				<Choice
					id="sb-captions"
					label="Caption style"
					value={captions}
					options={[...CAPTION_PRESETS, {value: 'off', label: 'No captions'}]}
					onChange={(v) =>
						onEdit(
							{...sb, captionStyle: v === 'off' ? {...captionStyle, enabled: false} : {...captionStyle, enabled: true, preset: v}},
							'captions',
						)
					}
				/>
				<Choice
					id="sb-font"
					label="Font"
					value={String(theme.fontFamily ?? 'Inter')}
					options={FONT_FAMILIES}
					onChange={(v) => onEdit({...sb, theme: {...theme, fontFamily: v}}, 'font')}
				/>
				<div className="field checkbox">
					<input
						id="sb-endcard"
						type="checkbox"
						checked={endCard.enabled !== false}
						onChange={(e) => onEdit({...sb, endCard: {...endCard, enabled: e.target.checked}}, 'endCard')}
					/>
					<label htmlFor="sb-endcard">End card with credits</label>
				</div>
			</div>
			<fieldset className="palette">
				<legend>Palette</legend>
				{PALETTE_KEYS.map(({key, label}) => (
					<Field
						key={key}
						id={`sb-palette-${key}`}
						label={label}
						error={errors[`theme.palette.${key}`]}
						control={(p) => (
							<input
								{...p}
								type="color"
								value={palette[key]}
								onChange={(e) => onEdit({...sb, theme: {...theme, palette: {...palette, [key]: e.target.value}}}, `palette.${key}`)}
							/>
						)}
					/>
				))}
			</fieldset>
		</fieldset>
	);
};
