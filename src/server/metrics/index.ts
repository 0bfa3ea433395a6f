export {createMetrics} from './create-metrics';
export type {Metrics, RequestSample} from './create-metrics';
export {readReportFigures} from './report-figures';
export type {ReportFigures} from './report-figures';
export {startMetricsServer} from './start-metrics-server';
