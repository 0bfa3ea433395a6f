import type React from 'react';
import type {JobView} from './api-types';

/** Earlier videos (GET /v1/videos): the server keeps them, so the list survives reloads and restarts. */
export const VideoList: React.FC<{videos: JobView[]; onOpen: (job: JobView) => void; onRefresh: () => void}> = ({
	videos,
	onOpen,
	onRefresh,
}) => (
	<section className="panel" aria-labelledby="videos-heading">
		<h2 id="videos-heading">Earlier videos</h2>
		<button type="button" onClick={onRefresh}>
			Refresh the list
		</button>
		{videos.length === 0 ? <p className="muted">None yet.</p> : null}
		<ul className="videos">
			{videos.map((v) => (
				<li key={v.id}>
					<span>
						{new Date(v.createdAt).toLocaleString()} · {v.status}
						{v.status === 'done' || v.status === 'failed' ? '' : ` ${Math.round(v.progress * 100)} %`}
					</span>
					{v.status === 'done' ? (
						<button
							type="button"
							onClick={() => onOpen(v)}
							aria-label={`Show the video of ${new Date(v.createdAt).toLocaleString()} (${v.id})`}
						>
							Show
						</button>
					) : null}
				</li>
			))}
		</ul>
	</section>
);
