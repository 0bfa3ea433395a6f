import type {z} from 'zod';
import {storyboardSchema} from '../../storyboard';

/** The explainer renders any storyboard as is: its props schema is the storyboard schema. */
export const explainerSchema = storyboardSchema;

/** Props as Remotion passes them (defaults not yet applied): parse them with explainerSchema. */
export type ExplainerProps = z.input<typeof explainerSchema>;
