/**
 * Everything a template outside the project may import, as `@promptreel/template-kit`
 * (docs/templates.md, "Templates outside the project"): the storyboard schema, types and timing, the
 * shared components (scene pictures, captions, audio, end card, fonts, layout) and defineTemplate.
 * Besides this, such a template imports only react, remotion, zod and the @remotion/* packages
 * promptreel depends on.
 */
export * from './storyboard';
export * from './components';
export {FittedLines, useFittedText} from './templates/shared';
export type {FittedText} from './templates/shared';
export {defineTemplate, TEMPLATE_ID} from './define-template';
export type {TemplateDeclaration, TemplateDefinition} from './define-template';
