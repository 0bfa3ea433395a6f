import type {TemplateDefinition} from './define-template';

/**
 * The templates of PROMPTREEL_TEMPLATES_DIR in the Remotion bundle. Empty here: when the variable is
 * set, the bundler's webpack override (src/pipeline/render/user-templates-webpack.ts, applied by our
 * renderer and by remotion.config.ts for Studio and `npx remotion render`) replaces this module with
 * one that imports each folder's index.
 */
export const userTemplates: readonly TemplateDefinition[] = [];
