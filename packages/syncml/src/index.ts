export type { DevInf, DataStore, ContentTypeRef, CTCap, CTCapProperty, CTCapParam, DSMem, FilterCap, Ext } from './model/devinf.js';
export type * from './model/message.js';
export { Payload } from './model/payload.js';
