import { ApiError } from '../../api/api-error';
import { Catalogue, Role, RoleBody } from './roles-api';

/**
 * A role as the editor holds it: one level per grid cell (a missing cell is NONE, not granted), one
 * level per field cell (a missing cell follows the entity's level), the capabilities ticked.
 */
export interface RoleDraft {
  name: string;
  label: string;
  readOnly: boolean;
  /** '' is system-wide; undefined leaves it to the API (the session's organization). */
  organizationId: string | undefined;
  /** Identity roles: a whole number from -1000 to 1000; '' while the input is empty (left out, so kept). */
  priority: number | '';
  levels: Record<string, string>;
  fieldLevels: Record<string, string>;
  capabilities: string[];
}

export const cellKey = (entity: string, action: string): string => `${entity}|${action}`;
export const fieldCellKey = (entity: string, field: string, action: string): string => `${entity}|${field}|${action}`;

export const emptyDraft = (): RoleDraft => ({ name: '', label: '', readOnly: false, organizationId: undefined, priority: 0, levels: {}, fieldLevels: {}, capabilities: [] });

export function draftOf(role: Role): RoleDraft {
  return {
    name: role.name,
    label: role.label ?? '',
    readOnly: role.readOnly,
    organizationId: role.organizationId === undefined ? undefined : (role.organizationId ?? ''),
    priority: role.priority ?? 0,
    levels: Object.fromEntries(role.permissions.map((p) => [cellKey(p.entity, p.action), p.level])),
    fieldLevels: Object.fromEntries((role.fieldPermissions ?? []).map((p) => [fieldCellKey(p.entity, p.field, p.action), p.level])),
    capabilities: [...role.capabilities],
  };
}

/** The body in catalogue order, and which grid cell each listed grant came from (to place the API's messages). */
export function bodyOf(draft: RoleDraft, catalogue: Catalogue, withOrganization: boolean, withPriority = false): { body: RoleBody; cells: string[]; fieldCells: string[] } {
  const cells: string[] = [];
  const fieldCells: string[] = [];
  const body: RoleBody = { name: draft.name, readOnly: draft.readOnly, permissions: [], capabilities: catalogue.capabilities.filter((c) => draft.capabilities.includes(c)) };
  if (draft.label.trim()) body.label = draft.label;
  if (withOrganization && draft.organizationId !== undefined) body.organizationId = draft.organizationId === '' ? null : draft.organizationId;
  if (withPriority && draft.priority !== '') body.priority = draft.priority;
  for (const entity of catalogue.entities) {
    for (const action of entity.actions) {
      const level = draft.levels[cellKey(entity.name, action)];
      if (!level || level === 'NONE') continue;
      body.permissions.push({ entity: entity.name, action, level });
      cells.push(cellKey(entity.name, action));
    }
  }
  if (catalogue.entities.some((e) => e.fieldAcl)) {
    body.fieldPermissions = [];
    for (const entity of catalogue.entities.filter((e) => e.fieldAcl)) {
      for (const field of entity.fields) {
        for (const action of entity.fieldActions) {
          const level = draft.fieldLevels[fieldCellKey(entity.name, field, action)];
          if (!level) continue;
          body.fieldPermissions.push({ entity: entity.name, field, action, level });
          fieldCells.push(fieldCellKey(entity.name, field, action));
        }
      }
    }
  }
  return { body, cells, fieldCells };
}

/** The API's 400 messages on `permissions.N.*` / `fieldPermissions.N.*`, by the grid cell they name. */
export function cellErrors(error: unknown, listed: string[], prefix: 'permissions' | 'fieldPermissions'): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const byCell: Record<string, string> = {};
  for (const [field, message] of Object.entries(error.fieldErrors)) {
    const match = new RegExp(`^${prefix}\\.(\\d+)(\\..*)?$`).exec(field);
    const cell = match ? listed[Number(match[1])] : undefined;
    if (cell) byCell[cell] = byCell[cell] ? `${byCell[cell]}; ${message}` : message;
  }
  return byCell;
}
