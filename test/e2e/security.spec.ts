import http from 'node:http';
import type { Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../electron/shell/content-security-policy';
import { expect, fillField, test } from './fixtures';

/**
 * Collects securitypolicyviolation events from the very start. The in-page code is given as strings:
 * it runs in the browser, and the Node-side type-check has no DOM.
 */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(`
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__violations.push(event.effectiveDirective));
  `);
}

const violations = (page: Page) => page.evaluate<string[]>('window.__violations');

test('the Content-Security-Policy blocks script injected into the page', async ({ page, workbook }) => {
  await recordViolations(page);
  const response = await page.goto(workbook.host.url);
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  // The app itself needs nothing the policy forbids.
  expect(await violations(page)).toEqual([]);

  // page.evaluate itself runs outside the policy (DevTools protocol), so it only plants the
  // injections; whatever they would run is page script, subject to the CSP.
  const ran = await page.evaluate<string[]>(`(async () => {
    window.__injected = [];
    const inline = document.createElement('script');
    inline.textContent = "window.__injected.push('inline script')";
    document.body.append(inline);

    const image = document.createElement('img');
    image.setAttribute('onerror', "window.__injected.push('onerror handler')");
    image.src = 'missing-image.png';
    document.body.append(image);

    const remote = document.createElement('script');
    remote.src = 'https://attacker.example.com/payload.js';
    document.body.append(remote);

    const dataScript = document.createElement('script');
    dataScript.src = "data:text/javascript,window.__injected.push('data: script')";
    document.body.append(dataScript);

    await new Promise((resolve) => setTimeout(resolve, 500));
    return window.__injected;
  })()`);

  expect(ran).toEqual([]);
  expect(await violations(page)).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr']));
});

test('markup typed into every field of a unit and a contact shows as text', async ({ page, workbook }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await recordViolations(page);
  await workbook.open('/units');

  const unitName = '<img src=x onerror=alert(1)>';
  await page.getByRole('button', { name: 'New business unit' }).click();
  await page.getByRole('dialog').getByLabel('Unit name').fill(unitName);
  await page
    .getByRole('dialog')
    .getByLabel('Designated IT contact')
    .fill('<iframe src="javascript:alert(2)">');
  await page.getByRole('button', { name: 'Create unit' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: unitName })).toBeVisible();

  await page.getByRole('textbox', { name: 'Business plans' }).fill('<script>alert(3)</script>');
  await page
    .getByRole('textbox', { name: 'Business drivers' })
    .fill('<a href="javascript:alert(4)">drivers</a>');
  await page.getByRole('button', { name: 'Save plans' }).click();
  await expect(page.getByRole('button', { name: 'Save plans' })).toBeDisabled();

  const contact = {
    Name: '<script>alert(5)</script>',
    'Job title': '"><svg onload=alert(6)>',
    Email: '<b>bold</b>@example.com',
    Phone: 'javascript:alert(7)',
    'Designated IT contact': '{{constructor.constructor("alert(8)")()}}',
    Notes: '<img src=x onerror=alert(9)> & <u>notes</u>',
  };
  await page.getByRole('button', { name: 'Add purchaser' }).click();
  for (const [label, value] of Object.entries(contact)) await fillField(page, label, value);
  await page.getByRole('button', { name: 'Add contact' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await workbook.screenshot('security-markup-as-text');

  // After a restart it is still text: stored as typed, rendered as text.
  await workbook.restart();
  await workbook.open('/units');
  await page.getByRole('tree', { name: 'Business units' }).getByText(unitName).click();
  await expect(page.getByRole('heading', { level: 1, name: unitName })).toBeVisible();
  const purchasers = page.getByRole('table', { name: 'Purchasers' });
  await expect(purchasers).toContainText(contact.Name);
  await expect(purchasers).toContainText(contact.Email);
  await expect(page.getByRole('textbox', { name: 'Business plans' })).toHaveValue(
    '<script>alert(3)</script>',
  );
  await page.getByRole('button', { name: `Edit ${contact.Name}` }).click();
  for (const [label, value] of Object.entries(contact)) {
    await expect(page.getByRole('dialog').getByRole('textbox', { name: label, exact: true })).toHaveValue(
      value,
    );
  }
  await page.getByRole('button', { name: 'Cancel' }).click();

  // No element was made from the text, no handler ran, nothing even tried to.
  await expect(page.locator('main img[src="x"], main svg[onload], main iframe, main u, main b')).toHaveCount(
    0,
  );
  await expect(page.locator('script:not([src])')).toHaveCount(0);
  expect(dialogs).toEqual([]);
  expect(await violations(page)).toEqual([]);
});

test('the API refuses calls without the token or from another origin', async ({ request, workbook }) => {
  const { origin, token } = workbook.host;
  const api = `${origin}/api/getDirectory`;
  const withToken = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

  const noToken = await request.post(api, { data: {}, headers: { origin } });
  expect(noToken.status()).toBe(403);
  expect((await noToken.json()) as unknown).toMatchObject({ ok: false, error: { code: 'forbidden' } });

  const wrongToken = await request.post(api, {
    data: {},
    headers: { ...withToken, authorization: 'Bearer 00' },
  });
  expect(wrongToken.status()).toBe(403);

  const otherOrigin = await request.post(api, {
    data: {},
    headers: { ...withToken, origin: 'https://attacker.example.com' },
  });
  expect((await otherOrigin.json()) as unknown).toMatchObject({ ok: false, error: { code: 'forbidden' } });

  // Token but no Origin or Referer at all (a script outside any page): the dispatch has no sender.
  const noOrigin = await request.post(api, { data: {}, headers: withToken });
  expect((await noOrigin.json()) as unknown).toMatchObject({ ok: false, error: { code: 'forbidden' } });

  const allowed = await request.post(api, { data: {}, headers: { ...withToken, origin } });
  expect((await allowed.json()) as unknown).toMatchObject({ ok: true, value: { units: [] } });

  // DNS rebinding: a page served under another host name that resolves to 127.0.0.1.
  const rebound = await new Promise<number>((resolve, reject) => {
    const url = new URL(api);
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { ...withToken, host: 'attacker.example.com', origin: 'http://attacker.example.com' },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
  expect(rebound).toBe(421);
});
