export {completeStoryboard, planCompletion} from './complete-storyboard';
export type {
	CompleteStoryboardOptions,
	CompleteStoryboardResult,
	SceneCompletion,
	CompletionPlan,
	CompletionWarning,
	CompletionFallback,
} from './complete-storyboard';
export {speechSceneDurationMs, narrationOffsetMs, VOICED_SCENE_FLOOR_MS} from './speech-timing';
export {importLocalMedia} from './import-local-media';
export {isBundledMedia} from './bundled-media';
