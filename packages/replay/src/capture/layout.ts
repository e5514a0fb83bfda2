/**
 * The two folder layouts a capture comes in:
 * - `horde`: `syncml_client_NM.xml` / `syncml_server_NM.xml` (Horde's test cases), N the sync run,
 *   M the message within it (its last digit);
 * - `numbered`: `01-client.wbxml`, `01-server.wbxml`, `02-client.xml`... as capture tools write
 *   them, one exchange per number; runs are told apart by the client's SessionID.
 */
export type CaptureLayout = 'horde' | 'numbered';

/** Which message a file name holds. */
export interface CaptureFileName {
  readonly layout: CaptureLayout;
  readonly side: 'client' | 'server';
  /** Horde layout: the run number as written (`1` in `syncml_client_10.xml`); numbered layout: undefined. */
  readonly run: string | undefined;
  /** Position within the run (horde) or within the whole capture (numbered). */
  readonly index: number;
}

const HORDE = /^syncml_(client|server)_(\d{2,9})\.(?:xml|wbxml)$/i;
const NUMBERED = /^(\d{1,9})[-_.](client|server)\.(?:xml|wbxml)$/i;

/** The message a file name stands for, or undefined for a file of neither layout (data.txt, logs). */
export function classifyCaptureFile(name: string): CaptureFileName | undefined {
  const horde = HORDE.exec(name);
  if (horde !== null) {
    const digits = horde[2]!;
    return {
      layout: 'horde',
      side: horde[1]!.toLowerCase() as 'client' | 'server',
      run: String(Number(digits.slice(0, -1))),
      index: Number(digits.slice(-1)),
    };
  }
  const numbered = NUMBERED.exec(name);
  if (numbered !== null) {
    return {
      layout: 'numbered',
      side: numbered[2]!.toLowerCase() as 'client' | 'server',
      run: undefined,
      index: Number(numbered[1]!),
    };
  }
  return undefined;
}
