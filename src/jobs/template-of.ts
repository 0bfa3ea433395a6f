import type {JobRecord} from './job-types';

/** The template a job renders with: a storyboard names its own, a prompt job takes options.template. */
export const templateOf = (job: Pick<JobRecord, 'input' | 'options'>): string =>
	'storyboard' in job.input ? job.input.storyboard.template : job.options.template;
