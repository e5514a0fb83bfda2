import { describe, expect, it } from 'vitest';
import { classifyCaptureFile } from './layout.js';

describe('classifyCaptureFile', () => {
  it('reads run and message from Horde names: the last digit is the message', () => {
    expect(classifyCaptureFile('syncml_client_10.xml')).toEqual({
      layout: 'horde',
      side: 'client',
      run: '1',
      index: 0,
    });
    expect(classifyCaptureFile('syncml_server_53.xml')).toEqual({
      layout: 'horde',
      side: 'server',
      run: '5',
      index: 3,
    });
    expect(classifyCaptureFile('syncml_client_123.wbxml')).toEqual({
      layout: 'horde',
      side: 'client',
      run: '12',
      index: 3,
    });
    expect(classifyCaptureFile('SYNCML_CLIENT_20.XML')).toMatchObject({ side: 'client', run: '2', index: 0 });
  });

  it('reads the exchange number from numbered names', () => {
    expect(classifyCaptureFile('01-client.wbxml')).toEqual({
      layout: 'numbered',
      side: 'client',
      run: undefined,
      index: 1,
    });
    expect(classifyCaptureFile('12_server.xml')).toMatchObject({
      layout: 'numbered',
      side: 'server',
      index: 12,
    });
    expect(classifyCaptureFile('003.client.xml')).toMatchObject({
      layout: 'numbered',
      side: 'client',
      index: 3,
    });
  });

  it('ignores every other file', () => {
    for (const name of [
      'data.txt',
      'syncml_log.txt',
      'devinf.txt',
      'syncml_client_1.xml',
      'client-01.xml',
      '01-client.txt',
      'x01-client.xml',
    ]) {
      expect(classifyCaptureFile(name), name).toBeUndefined();
    }
  });
});
