export {probeMedia, ffprobePath} from './probe-media';
export type {MediaInfo} from './probe-media';
export {downloadMedia, DownloadError, isPrivateAddress} from './download-media';
export type {DownloadMediaOptions, DownloadMediaResult} from './download-media';
export {localizeRemoteMedia} from './localize-remote-media';
export type {LocalizeRemoteMediaOptions, LocalizeRemoteMediaResult} from './localize-remote-media';
