/**
 * Starts the system Chromium (Debian's `chromium` package) through playwright-core, with a fresh
 * profile and every background service off, so that it makes no network connection of its own.
 * playwright-core never downloads a browser: `npx playwright install` is not needed (or wanted).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Where Debian installs Chromium; `CHROMIUM_PATH` overrides it. */
export const CHROMIUM_PATH: string = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Headless, no sandbox (root in CI), and no background networking, sync or updates. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Width of the browser window: the gallery column (720px messages) and its margins. */
export const VIEWPORT_WIDTH = 800;

/** A running Chromium and the way to stop it and remove its profile. */
export interface ChromiumSession {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Whether the Chromium binary is installed. */
export function chromiumInstalled(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** Starts Chromium with a throw-away profile, device scale factor 2 (sharp PNGs) and an 800px-wide window. */
export async function launchChromium(): Promise<ChromiumSession> {
  const profile = mkdtempSync(join(tmpdir(), 'ecs-slack-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
      headless: true,
      deviceScaleFactor: 2,
      viewport: { width: VIEWPORT_WIDTH, height: 1000 },
      locale: 'en-US',
      timezoneId: 'UTC',
      colorScheme: 'light',
      reducedMotion: 'reduce',
    });
    return {
      context,
      close: async () => {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
