export { TestVectorsError, type TestVectorsErrorCode } from './errors.js';
export { type CapturedItem, messageItems, parseMessageItems } from './message/items.js';
export { type LoggedObject, parseLogObjects, sessionLogObjects } from './session/log-objects.js';
export {
  type SessionSide,
  sessionItems,
  sessionMessageFiles,
} from './session/session-items.js';
export { readVectorText, vectorPath, vectorsDir } from './vectors-dir.js';
export { seededRandom } from './random.js';
