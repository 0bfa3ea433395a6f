import type React from 'react';
import {Fragment} from 'react';
import {Composition, Folder, getRemotionEnvironment} from 'remotion';
import {BARE_COMPOSITION_ID, BareComposition, bareCompositionSchema} from './bench/bare-composition';
import {templates} from './registry';

/**
 * Only registers: each template of the registry becomes a composition with its first sample as
 * default props, and every other sample gets its own `${id}-${sample}` composition in a folder.
 * The bench's bare composition is registered for renders only: Studio users never see it (it
 * changes no video, so reading the environment here keeps renders reproducible).
 */
export const Root: React.FC = () => (
	<>
		{templates.map((template) => {
			const [first, ...others] = Object.entries(template.samples);
			if (!first) return null;
			return (
				<Fragment key={template.id}>
					<Composition
						id={template.id}
						schema={template.schema}
						calculateMetadata={template.calculateMetadata}
						lazyComponent={template.lazyComponent}
						defaultProps={first[1]}
					/>
					{others.length > 0 ? (
						<Folder name={`${template.id}-samples`}>
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
					) : null}
				</Fragment>
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
			</Folder>
		)}
	</>
);
