import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';

export { CHROMIUM } from './chromium';

/** The console's build, which the gateway serves (`npm run build`; `npm test` runs it first). */
export function assertConsoleBuilt(): void {
  if (!existsSync(join(__dirname, '..', '..', 'dist', 'console', 'index.html')))
    throw new Error('the console is not built: run npm run build');
}

/**
 * A real Chromium for the console's tests: each page has every request off the machine blocked (and
 * recorded in `external`) and its errors recorded in `errors`, so a test can assert the console works
 * offline and logs nothing.
 */
export class ConsoleBrowser {
  readonly external: string[] = [];
  readonly errors: string[] = [];

  private constructor(private readonly browser: Browser) {}

  static async launch(): Promise<ConsoleBrowser> {
    const browser = await launchChromium();
    return new ConsoleBrowser(browser);
  }

  /** A new page on the console of the gateway at `graphqlUrl` (its /graphql URL). */
  async open(graphqlUrl: string): Promise<Page> {
    const page = await this.browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
      this.external.push(url.href);
      return route.abort();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(message.text());
    });
    page.on('pageerror', (error) => this.errors.push(error.message));
    await page.goto(graphqlUrl.replace(/\/graphql$/, '/console'));
    return page;
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}

/** The outerHTML's start of the element that has the keyboard focus, to compare with what a test expects. */
export const focused = (page: Page): Promise<string> =>
  page.evaluate('document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent ?? ""');
