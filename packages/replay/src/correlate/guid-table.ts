import type { ServerCommandLedger } from './ledger.js';

/**
 * Server item ids (GUIDs) of the recording translated to the ones our server gave: the n-th
 * item the recorded server added to a client database is the n-th item ours added there.
 * Translations are kept for the whole replay, since a later run may still name an id.
 */
export class GuidTable {
  readonly #known = new Map<string, string>();

  /** Our GUID for a recorded one, or undefined when our server added no counterpart (yet). */
  translate(
    recordedGuid: string,
    recorded: ServerCommandLedger,
    ours: ServerCommandLedger,
  ): string | undefined {
    const known = this.#known.get(recordedGuid);
    if (known !== undefined) return known;
    const at = recorded.positionOfAdd(recordedGuid);
    if (at === undefined) return undefined;
    const guid = ours.addAt(at.db, at.index);
    if (guid !== undefined) this.#known.set(recordedGuid, guid);
    return guid;
  }

  /** True when `guid` is a recorded server id (of this run's recording or translated before). */
  isRecorded(guid: string, recorded: ServerCommandLedger): boolean {
    return this.#known.has(guid) || recorded.positionOfAdd(guid) !== undefined;
  }
}
