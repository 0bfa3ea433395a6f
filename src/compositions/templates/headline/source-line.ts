import type {Credit, Scene} from '../../storyboard';

/**
 * The source line of a scene: the option when set, else the credit of the scene's picture (its
 * author and provider, which some providers require to be visible), else null.
 */
export const sourceLineOf = (scene: Pick<Scene, 'visual'>, credits: Credit[], option: string | null): string | null => {
	if (option) return option;
	const visual = scene.visual;
	if (visual.kind === 'procedural') return null;
	const credit = credits.find((c) => c.kind === visual.kind && c.url === visual.src) ?? credits.find((c) => c.kind === visual.kind);
	if (!credit) return null;
	return [credit.author, credit.source].filter((x, i, all) => x && all.indexOf(x) === i).join(' / ') || null;
};
