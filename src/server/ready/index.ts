export {createReadiness} from './check-readiness';
export type {Readiness, ReadinessOptions, ReadyCheck, ReadyCheckName, ReadyReport} from './check-readiness';
