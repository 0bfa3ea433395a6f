export {createChildProcessRenderer} from './child-process-renderer';
export type {ChildProcessRendererOptions} from './child-process-renderer';
export {runRenderWorker} from './run-render-worker';
