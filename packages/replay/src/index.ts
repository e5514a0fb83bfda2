export type { Capture, RecordedExchange, RecordedMessage, RecordedRun } from './capture/capture.js';
export { type CaptureLayout, classifyCaptureFile, type CaptureFileName } from './capture/layout.js';
export {
  DEFAULT_MAX_CAPTURE_FILES,
  DEFAULT_MAX_RECORDED_MESSAGE_SIZE,
  type ReadCaptureOptions,
  readCapture,
} from './capture/read-capture.js';
export {
  DEFAULT_MAX_AUTH_RETRIES,
  DEFAULT_MAX_CONTINUATIONS,
  DEFAULT_REPLAY_MAX_RESPONSE_SIZE,
  type ReplayOptions,
} from './driver/options.js';
export { replayCapture } from './driver/replay.js';
export {
  ISSUE_SEVERITY,
  type Issue,
  type IssueCode,
  type IssueSeverity,
  type ReplayReport,
  type RunReport,
  type StatusLine,
  type StepReport,
} from './driver/report.js';
export { WBXML_CONTENT_TYPE, XML_CONTENT_TYPE } from './driver/run-replayer.js';
export { isReplayError, ReplayError, type ReplayErrorCode, type ReplayErrorDetails } from './errors.js';
export {
  AUTH_BASIC,
  AUTH_MD5,
  type AuthType,
  basicCredentialData,
  credential,
  md5CredentialData,
  nonceBytes,
} from './protocol/credentials.js';
export { DatabaseMap, normalizeDatabase } from './rewrite/databases.js';
export {
  createHttpTransport,
  DEFAULT_CONNECTIONS,
  DEFAULT_MAX_RESPONSE_SIZE,
  DEFAULT_TIMEOUT_MS,
  type HttpReply,
  type HttpTransportOptions,
  type Transport,
} from './transport/http.js';
export { type FormatOptions, formatReport } from './cli/format.js';
export { EXIT_OK, EXIT_PROTOCOL_ERRORS, EXIT_USAGE, type ReplayCliIo, runReplayCli } from './cli/run.js';
