import { afterEach, describe, expect, it, vi } from 'vitest';
import { readVectorText, vectorPath, vectorsDir } from './vectors-dir.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('vectorsDir', () => {
  it('is SYNCDS_VECTORS, and paths and texts are read below it', () => {
    vi.stubEnv('SYNCDS_VECTORS', '/somewhere/vectors');
    expect(vectorsDir()).toBe('/somewhere/vectors');
    expect(vectorPath('sessions/a/data.txt')).toBe('/somewhere/vectors/sessions/a/data.txt');
  });

  it('reads a capture as text', () => {
    expect(readVectorText('wbxml/funambol/msg9.xml').startsWith('<SyncML')).toBe(true);
  });

  it.each([undefined, ''])('refuses an unset or empty SYNCDS_VECTORS (%j)', (value) => {
    vi.stubEnv('SYNCDS_VECTORS', value);
    expect(() => vectorsDir()).toThrow(expect.objectContaining({ code: 'NO_VECTORS', path: '', offset: -1 }));
  });
});
