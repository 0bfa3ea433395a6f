import type React from 'react';
import type {JobView} from './api-types';

export type RenderState = {
	job: JobView | null;
	/** Output file name -> signed URL (once done). */
	files: Record<string, string>;
	error: string | null;
};

const percent = (p: number) => `${Math.round(p * 100)} %`;

/** Step 4: render, live progress, the finished video and its files. */
export const RenderPanel: React.FC<{state: RenderState; canRender: boolean; busy: boolean; onRender: () => void}> = ({
	state,
	canRender,
	busy,
	onRender,
}) => {
	const {job, files, error} = state;
	const video = files['video.mp4'];
	return (
		<section className="panel" aria-labelledby="render-heading">
			<h2 id="render-heading">3. Render</h2>
			<button type="button" onClick={onRender} disabled={!canRender || busy}>
				{busy ? 'Rendering…' : 'Render'}
			</button>
			{error ? (
				<p className="error" role="alert">
					{error}
				</p>
			) : null}
			{job ? (
				<div className="progress" aria-live="polite">
					<label htmlFor="render-progress">
						Job {job.id}: <span data-testid="job-status">{job.status}</span>
						{job.stage && job.stage !== job.status ? ` (${job.stage})` : ''} {job.status === 'done' ? '' : percent(job.progress)}
					</label>
					<progress id="render-progress" max={1} value={job.status === 'done' ? 1 : job.progress} />
					{job.error ? <p className="error">{job.error.message}</p> : null}
				</div>
			) : null}
			{video ? (
				<>
					<video className="result" src={video} controls playsInline poster={files['poster.jpg']} aria-label="The rendered video">
						{files['captions.vtt'] ? <track kind="captions" src={files['captions.vtt']} label="Captions" /> : null}
					</video>
					<ul className="files">
						{Object.entries(files).map(([name, url]) => (
							<li key={name}>
								<a href={url} download={name}>
									{name}
								</a>
							</li>
						))}
					</ul>
				</>
			) : null}
		</section>
	);
};
