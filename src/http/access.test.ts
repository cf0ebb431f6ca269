import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { treeFrom } from '../core/access/index.ts';
import { registerAccessControl } from './access.ts';

const tree = treeFrom([{ id: 'bkhcn', parentId: null }]);

describe('route access declarations', () => {
  it('refuses to register a route that declares no access, and records those that do', async () => {
    const app = Fastify();
    const declared = registerAccessControl(app, { tree: async () => tree });
    app.get('/open', { config: { access: 'public' } }, async () => ({ ok: true }));
    app.put('/days', { config: { access: 'calendar.edit' } }, async () => ({ ok: true }));
    expect(() => app.get('/forgotten', async () => ({}))).toThrow(/declares no access/);
    expect(declared).toEqual([
      { method: 'GET', url: '/open', access: 'public' },
      { method: 'PUT', url: '/days', access: 'calendar.edit' },
    ]);
    const open = await app.inject('/open');
    expect(open.statusCode).toBe(200);
    const closed = await app.inject({ method: 'PUT', url: '/days' });
    expect(closed.statusCode).toBe(401);
    await app.close();
  });
});
