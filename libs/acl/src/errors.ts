/** Base class, so callers can map every ACL misuse to one response with one `instanceof`. */
export class AclError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The catalogue given to defineAclCatalogue is inconsistent (a programming error at start-up). */
export class AclCatalogueError extends AclError {}

/** The business-unit list given to buildOwnerTree is not a forest. */
export class OwnerTreeError extends AclError {}

/** One thing wrong with a role definition; `path` names the offending input, e.g. `permissions[2].level`. */
export interface RoleProblem {
  readonly path: string;
  readonly message: string;
}

/** A role definition was rejected; `problems` lists every reason (see validateRole). */
export class RoleValidationError extends AclError {
  constructor(
    readonly roleName: string,
    readonly problems: readonly RoleProblem[],
  ) {
    super(
      `role ${JSON.stringify(roleName)} is invalid: ` + problems.map((p) => `${p.path}: ${p.message}`).join('; '),
    );
  }
}

export type AclNameKind = 'entity' | 'action' | 'field action' | 'capability' | 'field';

/**
 * A check named something the catalogue does not know. Thrown rather than answered "no": a typo in
 * a route's declared permission must fail loudly in tests, not deny quietly in production.
 */
export class UnknownAclNameError extends AclError {
  constructor(
    readonly kind: AclNameKind,
    readonly unknownName: string,
    readonly context?: string,
  ) {
    super(`unknown ${kind} ${JSON.stringify(unknownName)}${context ? ` ${context}` : ''}`);
  }
}
