import type { Encoding, ParseWarning, SyncMLMessage } from '@syncds/syncml';
import type { CaptureLayout } from './layout.js';

/** One recorded SyncML message, parsed. */
export interface RecordedMessage {
  /** Absolute path of the file. */
  readonly file: string;
  readonly encoding: Encoding;
  /** The file's bytes; the message's payloads are views into them. */
  readonly bytes: Uint8Array;
  readonly message: SyncMLMessage;
  /** Oddities the parser tolerated in the recording. */
  readonly warnings: readonly ParseWarning[];
}

/** A client message and the reply the recorded server gave it (absent when not captured). */
export interface RecordedExchange {
  readonly client: RecordedMessage;
  readonly server: RecordedMessage | undefined;
}

/** One SyncML session of the capture (a sync run): its exchanges in order. */
export interface RecordedRun {
  /** `1`, `2`... (horde: the N of the file names; numbered: counted from 1). */
  readonly id: string;
  readonly exchanges: readonly RecordedExchange[];
}

/** A capture folder, read and parsed. */
export interface Capture {
  /** Absolute path of the folder. */
  readonly dir: string;
  readonly layout: CaptureLayout;
  readonly runs: readonly RecordedRun[];
}
