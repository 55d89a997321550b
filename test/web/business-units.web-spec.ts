import type { Page } from 'playwright-core';
import { RunningSuite, startWholeSuite } from '../e2e/suite-fixture';
import { launchBrowser, screenshot, seriousAxeViolations, WebBrowser } from './browser';
import { logIn } from './web-fixture';

interface UnitView {
  id: string;
  name: string;
  parentId: string | null;
}

/** The names the tree shows at one depth (1: the root), from each item's own label, not its descendants'. */
const namesAt = (page: Page, level: number) => page.locator(`[role=treeitem][data-level="${level}"] > [data-value] [data-unit-name]`).allInnerTexts();

/** Clicks a unit's own label in the tree. */
const clickUnit = (page: Page, name: string) => page.locator('[role=treeitem] > [data-value] [data-unit-name]').filter({ hasText: new RegExp(`^${name}$`) }).click();

describe('web: the business-unit tree', () => {
  let run: RunningSuite;
  let web: WebBrowser;
  let page: Page;
  let sales: UnitView;

  const units = async (): Promise<UnitView[]> => (await run.admin.get(`/api/business-units?organizationId=${run.ids.organizationId}&limit=500`)).body.items;

  beforeAll(async () => {
    run = await startWholeSuite();
    web = await launchBrowser(run.environment.gatewayUrl);
    // Main > Sales > Sales East, and Main > Support: a nested tree to show.
    const create = async (name: string, parentId: string) =>
      (await run.admin.post('/api/business-units', { name, organizationId: run.ids.organizationId, parentId })).body as UnitView;
    sales = await create('Sales', run.ids.businessUnitId);
    await create('Sales East', sales.id);
    await create('Support', run.ids.businessUnitId);
    ({ page } = await web.newPage());
    await logIn(page, 'admin', run.environment.env.ADMIN_PASSWORD);
    await page.waitForURL('**/portal');
  });

  afterAll(async () => {
    await web?.close();
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it('renders the nested units as a tree', async () => {
    await page.getByRole('link', { name: 'Business units' }).click();
    await page.waitForURL('**/business-units');
    const tree = page.getByRole('tree', { name: 'Business units' });
    await tree.waitFor();
    expect(await namesAt(page, 1)).toEqual(['Main']);
    expect((await namesAt(page, 2)).sort()).toEqual(['Sales', 'Support']);
    expect(await namesAt(page, 3)).toEqual(['Sales East']);
    // Sales East is inside Sales's item (nested lists), not only indented.
    const salesItem = tree.locator('[role=treeitem][data-level="2"]').filter({ has: page.locator(':scope > [data-value] [data-unit-name]', { hasText: /^Sales$/ }) });
    expect(await salesItem.locator('[role=treeitem] [data-unit-name]').allInnerTexts()).toEqual(['Sales East']);
    await screenshot(page, 'business-units-tree');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('selects a unit from the keyboard', async () => {
    await page.getByRole('tree').locator('[role=treeitem]').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('unit-panel').getByRole('heading', { level: 3 }).waitFor();
    expect(await page.getByTestId('unit-panel').getByRole('heading', { level: 3 }).textContent()).toBe('Sales');
  });

  it('creates a child of the selected unit, and shows a refused name beside the field', async () => {
    await page.getByLabel('New unit below Sales').fill('Sales West');
    await page.getByRole('button', { name: 'Create unit' }).click();
    await page.locator('[role=treeitem][data-level="3"] [data-unit-name]').filter({ hasText: /^Sales West$/ }).waitFor();
    const west = (await units()).find((u) => u.name === 'Sales West')!;
    expect(west.parentId).toBe(sales.id);

    // A sibling of the same name: identity names the field.
    await page.getByTestId('unit-panel').getByRole('heading', { name: 'Sales West' }).waitFor();
    await clickUnit(page, 'Sales');
    await page.getByLabel('New unit below Sales').fill('Sales East');
    await page.getByRole('button', { name: 'Create unit' }).click();
    await page.getByText('a sibling unit is named Sales East already').waitFor();
    expect(await page.getByLabel('New unit below Sales').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'business-units-create-refused');
  });

  it('moves a unit below another', async () => {
    await clickUnit(page, 'Sales West');
    await page.getByTestId('unit-panel').getByRole('heading', { name: 'Sales West' }).waitFor();
    await page.getByRole('combobox', { name: 'Move below' }).click();
    await page.getByRole('option', { name: 'Support' }).click();
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    await page.getByText('Moved.').waitFor();
    const support = (await units()).find((u) => u.name === 'Support')!;
    expect((await units()).find((u) => u.name === 'Sales West')!.parentId).toBe(support.id);
    await page.getByTestId('unit-panel').getByText('Below Support').waitFor();
    await screenshot(page, 'business-units-moved');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
