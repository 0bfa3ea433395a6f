export {createHeuristicPlanner, MAX_SCENES} from './heuristic-planner';
export {planStoryboard, resolvePlanInput, InvalidPlanError} from './plan-storyboard';
export type {PlanOptions, PlanStoryboardOptions, PlanStoryboardResult} from './plan-storyboard';
export type {Planner, PlanInput, PlanContext, PlanWarning, PlanWarningCode} from './planner';
export {
	plannedStoryboardSchema,
	plannedSceneSchema,
	musicMoodSchema,
	MUSIC_MOODS,
} from './planned-storyboard';
export type {PlannedStoryboard, PlannedScene, MusicMood} from './planned-storyboard';
export {EmptyPromptError, PromptTooLongError, InvalidLanguageError} from './plan-errors';
export {MAX_PROMPT_CHARS, normalizePrompt} from './normalize-prompt';
export {estimateSceneMs, estimateSpeechMs, WORDS_PER_SECOND, MIN_ESTIMATED_SCENE_MS} from './estimate-duration';
export {findEmoji, stripEmoji, wordTokens, splitSentences, isSpacelessLanguage} from './text-tokens';
export type {WordToken} from './text-tokens';
export {isStopWord} from './stop-words';
export {loadNounLexicon} from './noun-lexicon';
export {createOpenAiPlanner, PlannerFailedError, DEFAULT_PLANNER_MODEL} from './openai-planner';
export type {OpenAiPlannerOptions} from './openai-planner';
export {createFallbackPlanner} from './fallback-planner';
export {llmPlanSchema, llmPlanToDraft, MIN_KEYWORDS} from './llm-plan-schema';
export type {LlmPlan} from './llm-plan-schema';
export type {PlanFallback} from './planner';
export {foldLatin, stemKey, stemLanguageOf, STEM_LANGUAGES} from './word-stem';
export type {StemLanguage} from './word-stem';
export {chooseTemplate, AUTO_TEMPLATE} from './choose-template';
export type {TemplateChoice, TemplateHints} from './choose-template';
export {figuresToChart} from './figures-to-chart';
export {fitScenesToMedia} from './fit-scenes-to-media';
export type {FitScenesToMediaOptions} from './fit-scenes-to-media';
