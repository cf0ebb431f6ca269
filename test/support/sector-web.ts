// The set-up of a sector database's browser test: the web app built if stale, the sector's module
// test set-up (population emulator, server, officer, demo data) and Chromium opening pages on it.
import type { Browser } from 'playwright-core';
import { buildWebIfStale } from '../../scripts/build-web-if-stale.ts';
import { startSectorTest, type SectorTest } from '../../src/modules/registries/testing.ts';
import { browserPages, launchChromium, type BrowserPages } from './chromium.ts';

export interface SectorWebTest extends SectorTest {
  browser: Browser;
  pages: BrowserPages;
}

export async function startSectorWebTest(options: Parameters<typeof startSectorTest>[0]): Promise<SectorWebTest> {
  await buildWebIfStale({ quiet: true });
  const sector = await startSectorTest(options);
  const browser = await launchChromium();
  const pages = browserPages(browser, sector.t.url);
  return {
    ...sector,
    browser,
    pages,
    async close() {
      await pages.close();
      await browser.close();
      await sector.close();
    },
  };
}
