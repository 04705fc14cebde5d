import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';

describe('nodeCrypto', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('loads node:crypto with process.getBuiltinModule on first use, once', async () => {
    vi.resetModules();
    const real = process.getBuiltinModule;
    const getBuiltinModule = vi.fn((id: string) => real(id));
    vi.stubGlobal('process', { ...process, getBuiltinModule });
    const { nodeCrypto } = await import('../../src/internal/node-crypto.js');
    expect(getBuiltinModule).not.toHaveBeenCalled();
    expect(nodeCrypto().createHmac).toBe(createHmac);
    expect(nodeCrypto()).toBe(nodeCrypto());
    expect(getBuiltinModule.mock.calls).toEqual([['node:crypto']]);
  });

  it('falls back to require where process.getBuiltinModule is missing (Node.js before 20.16)', async () => {
    vi.resetModules();
    vi.stubGlobal('process', { ...process, getBuiltinModule: undefined });
    const { nodeCrypto } = await import('../../src/internal/node-crypto.js');
    expect(nodeCrypto().createHmac('sha256', 'k').update('x').digest('hex')).toBe(
      createHmac('sha256', 'k').update('x').digest('hex'),
    );
  });
});
