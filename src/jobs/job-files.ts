import {OUTPUT_FILES} from '../pipeline/output';

/** The only files a job serves: its output folder's files, by their public names. */
export const JOB_FILE_NAMES = Object.values(OUTPUT_FILES);
export type JobFileName = (typeof JOB_FILE_NAMES)[number];

const CONTENT_TYPES: Record<JobFileName, string> = {
	'video.mp4': 'video/mp4',
	'poster.jpg': 'image/jpeg',
	'captions.srt': 'application/x-subrip; charset=utf-8',
	'captions.vtt': 'text/vtt; charset=utf-8',
	'storyboard.json': 'application/json; charset=utf-8',
	'credits.json': 'application/json; charset=utf-8',
	'report.json': 'application/json; charset=utf-8',
};

export const isJobFileName = (name: string): name is JobFileName => (JOB_FILE_NAMES as readonly string[]).includes(name);

export const contentTypeOf = (name: JobFileName): string => CONTENT_TYPES[name];
