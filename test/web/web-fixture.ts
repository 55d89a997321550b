import { adminQuery } from '@app/testing';
import type { Locator, Page } from 'playwright-core';
import { RunningSuite } from '../e2e/suite-fixture';

/** A role inserted straight into identity's database (these tests are about pages, not the roles API). */
export async function insertRole(run: RunningSuite, name: string): Promise<string> {
  const [row] = await adminQuery<{ id: string }>(run.environment.databases.identity, "INSERT INTO roles (name, read_only, permissions, capabilities, field_permissions) VALUES ($1, false, '[]', '[]', '[]') RETURNING id", [name]);
  return row.id;
}

/** Fills the login form and submits it, on /login with the given query (e.g. `?roles=A`). */
export async function logIn(page: Page, username: string, password: string, options: { query?: string; selectRoles?: boolean } = {}): Promise<void> {
  await page.goto(`/login${options.query ?? ''}`);
  await page.getByLabel('Username').fill(username);
  // The visibility toggle is labelled by "Password" too: the input by its name.
  await page.locator('input[name="password"]').fill(password);
  if (options.selectRoles) await page.getByLabel('Select roles').check();
  await page.getByRole('button', { name: 'Log in' }).click();
}

/** The active roles the header shows. */
export async function headerRoles(page: Page): Promise<string[]> {
  const group = page.getByTestId('active-roles');
  await group.waitFor();
  return (await group.locator('.mantine-Badge-label').allTextContents()).sort();
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A Mantine Select by its label (exactly, a required one's asterisk aside): opened, and the option clicked. */
export async function pick(page: Page, label: string, option: string | RegExp, within: Page | Locator = page): Promise<void> {
  await within.getByRole('combobox', { name: new RegExp(`^${escaped(label)}( \\*)?$`) }).click();
  await page.getByRole('option', { name: option }).click();
}
