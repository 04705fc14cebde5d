/**
 * `npm run gallery`: draws the gallery's messages and writes `docs/gallery/index.html`,
 * `docs/gallery/README.md` and one `<name>.png` per message (a 720px-wide message at device
 * scale factor 2), taken with the system Chromium.
 *
 * Usage: `tsx scripts/gallery/build.ts [--entries <module>] [--out <dir>]`. The entries module
 * (default `scripts/gallery/samples.ts`) exports `galleryEntries()` (see `types.ts`). Needs Debian's
 * `chromium`, and `fonts-lato` and `fonts-noto-color-emoji` for Slack's look (it warns without them).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from './browser.js';
import { galleryPage, galleryReadme } from './page.js';
import type { GalleryEntriesModule, GalleryEntry } from './types.js';

/** Where `npm run gallery` writes. */
export const DEFAULT_OUT_DIR: string = resolve(import.meta.dirname, '..', '..', 'docs', 'gallery');

/** Writes `index.html` and `README.md` into `outDir` and returns the path of `index.html`. */
export function writeGalleryDocuments(entries: readonly GalleryEntry[], outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const index = join(outDir, 'index.html');
  writeFileSync(index, galleryPage(entries));
  writeFileSync(join(outDir, 'README.md'), galleryReadme(entries));
  return index;
}

/** The CSS selector of one entry's message element on the gallery page. */
export function messageSelector(name: string): string {
  return `section[data-name="${name}"] .slack-message`;
}

/**
 * Opens the gallery page in the browser and saves a PNG of each message element as
 * `<outDir>/<name>.png`, once the fonts are loaded. Returns the PNG paths, in entry order.
 */
export async function screenshotMessages(
  context: BrowserContext,
  index: string,
  entries: readonly GalleryEntry[],
  outDir: string,
): Promise<string[]> {
  const page = await context.newPage();
  try {
    await page.goto(pathToFileURL(index).href, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready.then(() => true)');
    const paths: string[] = [];
    for (const { name } of entries) {
      const path = join(outDir, `${name}.png`);
      await page.locator(messageSelector(name)).screenshot({ path, animations: 'disabled', caret: 'hide' });
      paths.push(path);
    }
    return paths;
  } finally {
    await page.close();
  }
}

/** Removes PNGs of entries that no longer exist, so the folder matches the entries. */
function removeStalePngs(entries: readonly GalleryEntry[], outDir: string): void {
  const keep = new Set(entries.map(({ name }) => `${name}.png`));
  for (const file of readdirSync(outDir)) {
    if (file.endsWith('.png') && !keep.has(file)) rmSync(join(outDir, file));
  }
}

/** Writes the whole gallery (page, README, PNGs) into `outDir`; returns the PNG paths. */
export async function buildGallery(entries: readonly GalleryEntry[], outDir: string): Promise<string[]> {
  const index = writeGalleryDocuments(entries, outDir);
  removeStalePngs(entries, outDir);
  const chromium = await launchChromium();
  try {
    return await screenshotMessages(chromium.context, index, entries, outDir);
  } finally {
    await chromium.close();
  }
}

/** Loads the entries of a module that follows {@link GalleryEntriesModule}. */
async function loadEntries(modulePath: string): Promise<GalleryEntry[]> {
  const loaded = (await import(pathToFileURL(resolve(modulePath)).href)) as Partial<GalleryEntriesModule>;
  if (typeof loaded.galleryEntries !== 'function') throw new Error(`${modulePath} does not export galleryEntries()`);
  return await loaded.galleryEntries();
}

/** Font families the PNGs are drawn with, and the Debian packages that bring them. */
const FONTS: readonly (readonly [family: string, pkg: string])[] = [
  ['Lato', 'fonts-lato'],
  ['Noto Color Emoji', 'fonts-noto-color-emoji'],
];

/** The font packages missing on this machine (all of them when `fc-list` is not there). */
function missingFontPackages(): string[] {
  let families = '';
  try {
    families = execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' });
  } catch {
    return FONTS.map(([, pkg]) => pkg);
  }
  return FONTS.filter(([family]) => !families.includes(family)).map(([, pkg]) => pkg);
}

async function main(): Promise<void> {
  const missing = missingFontPackages();
  if (missing.length > 0) {
    console.warn(`gallery: fonts missing, the PNGs will not look like Slack: apt-get install -y ${missing.join(' ')}`);
  }
  const { values } = parseArgs({
    options: {
      entries: { type: 'string', default: join(import.meta.dirname, 'samples.ts') },
      out: { type: 'string', default: DEFAULT_OUT_DIR },
    },
  });
  const started = Date.now();
  const entries = await loadEntries(values.entries);
  await buildGallery(entries, values.out);
  const count = `${entries.length} message${entries.length === 1 ? '' : 's'}`;
  console.log(
    `gallery: ${count}, index.html, README.md and one PNG each in ${values.out} (${Date.now() - started} ms)`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
