import { FIELD_ACTIONS, FieldAction, AclAction } from './actions';
import { AclCatalogue } from './catalogue';
import { AccessLevel } from './levels';
import { allowedLevels, OwnershipType } from './ownership';

/** One entity as a role editor needs it: what can be granted and at which levels. */
export interface CatalogueEntityView {
  name: string;
  ownership: OwnershipType;
  actions: AclAction[];
  /** The levels a role may set on this entity (the ownership type decides, DESIGN.md section 3). */
  levels: AccessLevel[];
  fieldAcl: boolean;
  /** With field ACL: the fields a role may set levels on, and the actions per field. */
  fields: string[];
  fieldActions: FieldAction[];
}

export interface CatalogueView {
  entities: CatalogueEntityView[];
  capabilities: string[];
}

/** The catalogue as plain JSON, for a permission grid that offers only what a role may hold. */
export function catalogueView(catalogue: AclCatalogue): CatalogueView {
  return {
    entities: catalogue.entities.map((entity) => ({
      name: entity.name,
      ownership: entity.ownership,
      actions: [...entity.actions],
      levels: [...allowedLevels(entity.ownership)],
      fieldAcl: entity.fieldAcl,
      fields: entity.fieldAcl ? [...entity.fields] : [],
      fieldActions: entity.fieldAcl ? [...FIELD_ACTIONS] : [],
    })),
    capabilities: [...catalogue.capabilities],
  };
}
