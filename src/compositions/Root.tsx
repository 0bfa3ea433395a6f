import type React from 'react';
import {Composition, Folder, getRemotionEnvironment} from 'remotion';
import {BARE_COMPOSITION_ID, BareComposition, bareCompositionSchema} from './bench/bare-composition';
import {calculateVisualsMetadata, VISUALS_COMPOSITION_ID, VisualsComposition} from './bench/visuals-composition';
import {templates} from './registry';

/**
 * Only registers: each template of the registry gets a Studio folder named by its id, holding a
 * composition with its first sample as default props (id = the template id, what renders use)
 * and one `${id}-${sample}` composition per other sample, each an editable set of props.
 * The bench's bare composition and picture floor are registered for renders only: Studio users never see it (it
 * changes no video, so reading the environment here keeps renders reproducible).
 */
const firstSample = templates.flatMap((t) => Object.values(t.samples))[0];

export const Root: React.FC = () => (
	<>
		{templates.map((template) => {
			const [first, ...others] = Object.entries(template.samples);
			if (!first) return null;
			return (
				<Folder key={template.id} name={template.id}>
					<Composition
						id={template.id}
						schema={template.schema}
						calculateMetadata={template.calculateMetadata}
						lazyComponent={template.lazyComponent}
						defaultProps={first[1]}
					/>
					{others.map(([name, sample]) => (
						<Composition
							key={name}
							id={`${template.id}-${name}`}
							schema={template.schema}
							calculateMetadata={template.calculateMetadata}
							lazyComponent={template.lazyComponent}
							defaultProps={sample}
						/>
					))}
				</Folder>
			);
		})}
		{getRemotionEnvironment().isStudio ? null : (
			<Folder name="benchmark">
				<Composition
					id={BARE_COMPOSITION_ID}
					component={BareComposition}
					schema={bareCompositionSchema}
					defaultProps={{width: 1280, height: 720, fps: 30, durationInFrames: 90}}
					calculateMetadata={({props}) => bareCompositionSchema.parse(props)}
				/>
				{firstSample ? (
					<Composition
						id={VISUALS_COMPOSITION_ID}
						component={VisualsComposition}
						defaultProps={firstSample}
						calculateMetadata={calculateVisualsMetadata}
					/>
				) : null}
			</Folder>
		)}
	</>
);
