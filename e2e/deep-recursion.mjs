// Deeper than the browser's own stack holds (Chromium's fills at a few
// hundred Python calls): a RecursionError the program can catch, never the
// engine's RangeError, which would leave the page broken. A light recursion
// first, then a heavier one (more stack a level): each is probed afresh.
export const DEEP = `def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


def forever(n):
    return forever(n + 1)


class Key:
    def __lt__(self, other):
        return heavy() < 0


def heavy():
    # More of the machine's stack a level than forever(): sorted() calls
    # back into Python for each comparison.
    return sorted([Key(), Key()])[0]


try:
    forever(0)
except RecursionError as e:
    print("caught:", e)
try:
    heavy()
except RecursionError as e:
    print("caught again:", e)
print(depth(200))
# A list nested 100,000 deep: built, and dropped when rebound.
nest = []
for i in range(100000):
    nest = [nest]
nest = None
print("dropped")
depth(100000)
`;

export const DEEP_STDOUT = ['caught: maximum recursion depth exceeded', 'caught again: maximum recursion depth exceeded', '200', 'dropped'];
export const DEEP_LAST = 'RecursionError: maximum recursion depth exceeded';

/** Clicks Run and waits until that new run has ended in error (its console
 * lines are new elements); works on Playwright and Puppeteer pages. */
export async function rerunToError(page, timeout = 30000) {
  await page.evaluate(() => { for (const li of document.querySelectorAll('[data-testid=console] > li')) li.dataset.old = '1'; });
  await page.click('[data-testid=run]');
  await page.waitForFunction(() => {
    const lis = [...document.querySelectorAll('[data-testid=console] > li')];
    return document.querySelector('[data-testid=playground]')?.dataset.runState === 'error'
      && lis.length > 0 && lis.every((li) => !li.dataset.old);
  }, undefined, { timeout });
}
