export {createLambdaRenderer} from './create-lambda-renderer';
export type {LambdaRendererOptions} from './create-lambda-renderer';
export type {
	LambdaGateway,
	LambdaFunction,
	LambdaIdentity,
	LambdaProgress,
	LambdaRenderError,
	LambdaRenderRequest,
	LambdaSite,
	LambdaStillRequest,
} from './lambda-gateway';
export {createRemotionLambdaGateway} from './remotion-lambda-gateway';
export {createSimulatedLambdaGateway} from './simulated-lambda-gateway';
export type {SimulatedFailure, SimulatedLambdaGatewayOptions} from './simulated-lambda-gateway';
export {createS3Client} from './create-s3-client';
export {isS3NotFound} from './is-s3-not-found';
export {createS3MediaStore} from './s3-media-store';
export type {S3MediaStore, UploadedMedia} from './s3-media-store';
export {createFileRenderLedger} from './lambda-render-ledger';
export type {LambdaRenderLedger, LedgerEntry} from './lambda-render-ledger';
export {describeCredentials, siteNameFor, MEDIA_PREFIX} from './lambda-settings';
export type {AwsCredentialsSource, LambdaSettings} from './lambda-settings';
export {isTransientLambdaError, lambdaError} from './lambda-errors';
export {defaultFramesPerLambda, estimateLambdaRender, FUNCTION_OVERHEAD_MS, MEASURED_FPS_720P} from './estimate-lambda-render';
export type {LambdaEstimate} from './estimate-lambda-render';
export {setupLambda} from './setup-lambda';
export type {LambdaSetupResult} from './setup-lambda';
export {lambdaStatus} from './lambda-status';
export type {LambdaStatus} from './lambda-status';
