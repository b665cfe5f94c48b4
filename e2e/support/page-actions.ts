import type { Locator, Page } from 'playwright-core';

/** Waits until the locator is visible (playwright-core has no expect; this is its wait). */
export async function expectVisible(locator: Locator, timeout = 15_000): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout });
}

/**
 * A real mouse drag, in small steps, as a person does it: pointer-based drag-and-drop libraries
 * only start after the pointer has moved a few pixels.
 */
export async function dragTo(page: Page, source: Locator, target: Locator): Promise<void> {
  await source.scrollIntoViewIfNeeded();
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('Cannot drag: the source or the target is not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 20 });
  await page.mouse.up();
}

/**
 * Runs one named step of a journey; on failure, saves a screenshot under test-results/ and says
 * which step broke, so a red CI run shows where and what the page looked like.
 */
export async function step<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const file = `test-results/${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`;
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    throw new Error(
      `Step "${name}" failed (screenshot: ${file}): ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
}
