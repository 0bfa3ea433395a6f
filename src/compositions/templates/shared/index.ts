export {FittedLines} from './fitted-lines';
export {useFittedText} from './use-fitted-text';
export type {FittedText} from './use-fitted-text';
