import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.js';

const WEB_DIR = path.resolve('dist/web');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('source maps are never public', () => {
  it('the server refuses *.map even when one lies in the web folder', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vizit-web-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Визит</title>');
    fs.writeFileSync(path.join(dir, 'assets', 'app-1.js'), 'console.log(1)\n//# sourceMappingURL=app-1.js.map');
    fs.writeFileSync(path.join(dir, 'assets', 'app-1.js.map'), '{"version":3,"sources":["secret.ts"]}');
    fs.writeFileSync(path.join(dir, 'root.js.map'), '{"version":3,"sources":["secret.ts"]}');
    const t = await startTestApp('sqlite', { webDir: dir });
    try {
      expect((await t.app.inject({ method: 'GET', url: '/assets/app-1.js' })).statusCode).toBe(200);
      for (const url of ['/assets/app-1.js.map', '/assets/APP-1.JS.MAP', '/root.js.map', '/assets/app-1.js.map?x=1', '/assets/./app-1.js.map']) {
        const r = await t.app.inject({ method: 'GET', url });
        expect(r.body, url).not.toContain('secret.ts');
        expect(r.statusCode, url).toBe(404);
      }
    } finally {
      await t.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the production build holds no source map, and none is served from it', async () => {
    if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) throw new Error('dist/web is not built: run `npm run build:web` (npm test does)');
    const files = filesUnder(WEB_DIR);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const scripts = files.filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const f of scripts) expect(fs.readFileSync(f, 'utf8'), f).not.toContain('sourceMappingURL=');
    const t = await startTestApp('sqlite', { webDir: WEB_DIR });
    try {
      for (const f of scripts) {
        const url = '/' + path.relative(WEB_DIR, f).split(path.sep).join('/');
        expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(200);
        expect((await t.app.inject({ method: 'GET', url: url + '.map' })).statusCode, url + '.map').toBe(404);
      }
    } finally {
      await t.close();
    }
  });
});
