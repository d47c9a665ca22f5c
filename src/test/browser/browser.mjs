// What every console script starts with: Debian's headless Chromium through playwright-core, a page whose script
// errors and unexpected console errors are collected, and, when a step fails, the page saved (screenshot and text).
//
// CHROMIUM (default /usr/bin/chromium), FAILURE_SCREENSHOT (default <name>-failure.png) and PLAYWRIGHT_CORE
// (another playwright-core's index.mjs than the one installed here) may be set.

const {chromium} = await import(process.env.PLAYWRIGHT_CORE || 'playwright-core');

/**
 * A browser and a page. `expectedErrors` matches the console errors a script provokes on purpose (the browser
 * logs every refused request); any other lands in `errors`, as do script errors and dialogs.
 */
export async function openPage(name, expectedErrors) {
  // the flags keep this machine's closed network out of the way (no background requests, no QUIC)
  const browser = await chromium.launch({executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync']});
  const page = await browser.newPage({viewport: {width: 1280, height: 900}});
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  page.on('console', m => { if (m.type() === 'error' && !expectedErrors.test(m.text())) errors.push(m.text()); });
  page.on('dialog', d => { errors.push('a dialog opened: ' + d.message()); d.dismiss(); });
  process.on('uncaughtException', async error => {
    console.error(error);
    const path = process.env.FAILURE_SCREENSHOT || name + '-failure.png';
    await page.screenshot({path, fullPage: true}).catch(() => {});
    console.error('page at ' + page.url() + ':\n' + (await page.locator('main').innerText().catch(() => '')).slice(0, 3000));
    process.exit(1);
  });
  return {browser, page, errors};
}

export const step = text => console.log('✓ ' + text);
