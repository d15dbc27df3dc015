import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Dialect } from '../../src/db/connect.js';
import { buildApp } from '../../src/server/app.js';
import { bootstrap } from '../../src/services/bootstrap.service.js';
import { freshDb, type TestDb } from './test-db.js';

/** The built web app; `VIZIT_WEB_DIST` lets an engineer test their own build while others' tests use dist/web. */
export const WEB_DIR = path.resolve(process.env.VIZIT_WEB_DIST ?? 'dist/web');
export const DEMO_PASSWORD = 'demo-vizit-2026';

/** A real server on a fresh database with the demo clinic, serving the built web app. */
export async function startDemoServer(dialect: Dialect = 'sqlite') {
  if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) throw new Error('dist/web is not built: run `npm run build:web` (npm test does)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vizit-e2e-'));
  const h: TestDb = await freshDb(dialect, { sqlitePath: path.join(dir, 'vizit.sqlite') });
  await bootstrap(h, { demo: true, now: new Date() });
  const app = await buildApp({ h, webDir: WEB_DIR, loginRateLimit: false, livePollMs: 200 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    url,
    h,
    async close() {
      await app.close();
      await h.cleanup();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const SHOTS = path.resolve('test-results');

/** Debian's Chromium, headless, with the flags this closed network needs; screenshots go to SHOTS. */
export function launchBrowser(): Promise<Browser> {
  fs.mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}


/** Fills and sends the sign-in form the page is on (any protected address redirects to it). */
export async function fillSignIn(page: Page, login: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
}

/** A Russian desk screen (1366 px wide) opened at `path` and signed in as `login` (the address redirects to the sign-in first). */
export async function signedInPage(browser: Browser, url: string, login: string, path = '/', height = 900): Promise<Page> {
  const page = await browser.newPage({ locale: 'ru-RU', viewport: { width: 1366, height } });
  page.setDefaultTimeout(60_000);
  await page.goto(`${url}${path}`);
  await fillSignIn(page, login);
  return page;
}
