import type { Status } from '@syncds/syncml';
import { StatusCode, isSuccess } from '../protocol/status-codes.js';
import type { MessageProcessor } from '../session/processor.js';
import { rememberRefusedType } from './format-choice.js';

/** A Status from the client, answering one of our commands. */
export async function handleStatus(p: MessageProcessor, status: Status): Promise<void> {
  if (status.cmd === 'SyncHdr') return;
  const key = `${status.msgRef}:${status.cmdRef}`;
  const awaited = p.state.awaiting[key];
  if (awaited === undefined) {
    if (!isSuccess(status.code)) {
      p.ctx.logger.warn('client reported an error', {
        device: p.state.deviceId,
        cmd: status.cmd,
        cmdRef: status.cmdRef,
        status: status.code,
      });
    }
    return;
  }
  delete p.state.awaiting[key];
  const ds = awaited.ds === undefined ? undefined : p.state.datastores[awaited.ds];
  if (ds === undefined) return;
  const code = status.code;
  if (isSuccess(code) || code === StatusCode.AlreadyExists) return;
  if (awaited.chunkOf !== undefined) ds.outgoing = undefined;
  if (code === StatusCode.UnsupportedMediaType && awaited.guids !== undefined && ds.sendType !== undefined) {
    // R10: a device that does not take this format is switched to the other family, now
    // and in later sessions.
    const refusedType = ds.sendType;
    const other = p.ctx.items.otherFamily(
      { contentType: refusedType, version: ds.sendVersion },
      ds.folderKind,
    );
    if (other !== undefined) {
      p.ctx.logger.info('device refused the format, switching family', {
        device: p.state.deviceId,
        database: ds.serverURI,
        from: refusedType,
        to: other.contentType,
      });
      await rememberRefusedType(p, ds, refusedType);
      ds.sendType = other.contentType;
      ds.sendVersion = other.version;
      if (p.state.serverPackageOpen && awaited.kind === 'Add') {
        // Our package is still going out: the item follows in the new format.
        for (const guid of awaited.guids) ds.toSend.push({ op: 'add', guid, luid: undefined });
        if (ds.phase === 'mapping') ds.phase = 'sending';
        return;
      }
      // Otherwise it is sent again, in the new format, at the next sync.
    }
  }
  ds.clientRefused = true;
  p.ctx.logger.warn('client refused a server change', {
    device: p.state.deviceId,
    database: ds.serverURI,
    cmd: awaited.kind,
    guids: awaited.guids,
    status: code,
  });
}
