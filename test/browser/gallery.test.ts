/**
 * The gallery in a real headless Chromium: the page loads cleanly, draws every sample message,
 * and each message's screenshot has real content. Skips (with a message) only when Chromium is
 * missing outside CI; under `CI=true` a missing browser fails the run.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HeaderBlock } from '@slack/types';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_PATH,
  chromiumInstalled,
  launchChromium,
  type ChromiumSession,
} from '../../scripts/gallery/browser.js';
import { messageSelector, screenshotMessages, writeGalleryDocuments } from '../../scripts/gallery/build.js';
import { galleryEntries } from '../../scripts/gallery/samples.js';
import type { GalleryEntry } from '../../scripts/gallery/types.js';

const inCi = ['1', 'true'].includes((process.env['CI'] ?? '').toLowerCase());
const installed = chromiumInstalled();
if (!installed && !inCi) {
  console.warn(
    `browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium); with CI=true this fails instead`,
  );
}

/** Distinct colours and the share of pixels that differ from the top-left (background) pixel. */
function pixelStats(file: string): { width: number; height: number; colours: number; ink: number } {
  const png = PNG.sync.read(readFileSync(file));
  const { width, height, data } = png;
  const colours = new Set<number>();
  let ink = 0;
  const [r0 = 0, g0 = 0, b0 = 0] = data;
  for (let i = 0; i < data.length; i += 4) {
    const r = data[i] ?? 0;
    const g = data[i + 1] ?? 0;
    const b = data[i + 2] ?? 0;
    colours.add((r << 16) | (g << 8) | b);
    if (Math.max(Math.abs(r - r0), Math.abs(g - g0), Math.abs(b - b0)) > 32) ink += 1;
  }
  return { width, height, colours: colours.size, ink: ink / (width * height) };
}

/** The plain text of the first header block of a message, top level or in an attachment. */
function headerText(entry: GalleryEntry): string | undefined {
  const blocks = [...(entry.message.blocks ?? []), ...(entry.message.attachments ?? []).flatMap((a) => a.blocks ?? [])];
  return blocks.find((block): block is HeaderBlock => block.type === 'header')?.text.text;
}

describe.skipIf(!installed && !inCi)('the gallery in headless Chromium', () => {
  let dir = '';
  let index = '';
  let entries: GalleryEntry[] = [];
  let session: ChromiumSession | undefined;
  let page: Page;
  const problems: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    if (!installed)
      throw new Error(`CI is set but Chromium is missing at ${CHROMIUM_PATH}: apt-get install -y chromium`);
    entries = await galleryEntries();
    dir = mkdtempSync(join(tmpdir(), 'ecs-slack-gallery-'));
    index = writeGalleryDocuments(entries, dir);
    session = await launchChromium();
    page = await session.context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(index).href, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready.then(() => true)');
  });

  afterAll(async () => {
    await session?.close();
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('loads without console errors, page errors or any request beyond the page', () => {
    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(index).href]);
  });

  it('draws every message, each with a size and its header', async () => {
    expect(await page.locator('.slack-message').count()).toBe(entries.length);
    for (const entry of entries) {
      const message = page.locator(messageSelector(entry.name));
      const box = await message.boundingBox();
      expect(box?.width, entry.name).toBe(720);
      expect(box?.height, entry.name).toBeGreaterThan(60);
      const header = headerText(entry);
      const text = await message.textContent();
      if (header !== undefined) expect(text, entry.name).toContain(header.replace(/:[a-z0-9_+-]+:\s*/g, ''));
      expect(text, entry.name).toContain('ECS Alerts');
    }
  });

  it('paints the attachment colour bar in the severity colours', async () => {
    const colours = await page.evaluate(
      `[...document.querySelectorAll('.attachment-bar')].map((bar) => getComputedStyle(bar).backgroundColor)`,
    );
    expect(colours).toContain('rgb(224, 30, 90)'); // error #E01E5A
    expect(colours).toContain('rgb(236, 178, 46)'); // warning #ECB22E
    expect(colours).toContain('rgb(46, 182, 125)'); // success #2EB67D
    expect(colours).toContain('rgb(160, 160, 166)'); // info #A0A0A6
  });

  it('takes a screenshot of each message that is not blank, at device scale factor 2', async () => {
    const pngs = await screenshotMessages(session!.context, index, entries, dir);
    expect(pngs).toHaveLength(entries.length);
    for (const png of pngs) {
      const stats = pixelStats(png);
      expect(stats.width, png).toBe(1440);
      expect(stats.height, png).toBeGreaterThan(120);
      expect(stats.colours, png).toBeGreaterThan(200);
      expect(stats.ink, png).toBeGreaterThan(0.02);
    }
  });

  it('tells a blank element from a message (the check above means something)', async () => {
    const blank = await session!.context.newPage();
    await blank.setContent('<div id="blank" style="width:720px;height:100px;background:#fff"></div>');
    const file = join(dir, 'blank.png');
    await blank.locator('#blank').screenshot({ path: file });
    await blank.close();
    const stats = pixelStats(file);
    expect(stats.colours).toBeLessThan(5);
    expect(stats.ink).toBe(0);
  });
});
