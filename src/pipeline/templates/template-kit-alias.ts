import {join} from 'node:path';

/** The module name templates outside the project import promptreel's shared parts from. */
export const TEMPLATE_KIT = '@promptreel/template-kit';

/** The file that module name stands for. */
export const templateKitPath = (root: string): string => join(root, 'src/compositions/template-kit.ts');
