export {ERROR_CATALOGUE, ERROR_CODES, errorEntry} from './error-catalogue';
export type {ErrorCode} from './error-catalogue';
export {
	BrowserNotFoundError,
	MissingMediaError,
	PromptreelError,
	RenderCancelledError,
	RenderFailedError,
	UnknownTemplateError,
	ValidationError,
} from './promptreel-error';
export type {IssueDetail} from './promptreel-error';
