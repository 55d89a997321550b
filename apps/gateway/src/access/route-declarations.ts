import { RequestMethod, Type } from '@nestjs/common';
import { INTERCEPTORS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { IS_PUBLIC } from '@app/service-kit';
import { ACCESS_REQUIREMENT, AccessRequirement } from './requirement-metadata';
import { FieldAccessInterceptor } from './field-access.interceptor';

export interface RouteDeclaration {
  route: string;
  controller: string;
  handler: string;
  access: AccessRequirement | 'public' | null;
  /** Whether the field-level ACL (FieldAccessInterceptor) runs on it. */
  fieldAccess: boolean;
}

/** Controllers served outside the /api prefix (main.ts excludes them): probes and metrics. */
const UNPREFIXED = new Set(['health', 'metrics']);

const join = (...parts: string[]) => `/${parts.map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/')}`;

/** Every route of the given controllers with what it declares (null: nothing, a bug). */
export function listRouteDeclarations(controllers: Type<unknown>[], prefix = 'api'): RouteDeclaration[] {
  return controllers.flatMap((controller) => {
    const base: string = Reflect.getMetadata(PATH_METADATA, controller) ?? '';
    const classPublic = Reflect.getMetadata(IS_PUBLIC, controller) === true;
    const prototype = controller.prototype as Record<string, unknown>;
    return Object.getOwnPropertyNames(prototype)
      .filter((name) => name !== 'constructor' && typeof prototype[name] === 'function')
      .filter((name) => Reflect.getMetadata(PATH_METADATA, prototype[name] as object) !== undefined)
      .map((name) => {
        const handler = prototype[name] as object;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const path: string = Reflect.getMetadata(PATH_METADATA, handler);
        const isPublic = classPublic || Reflect.getMetadata(IS_PUBLIC, handler) === true;
        const requirement: AccessRequirement | undefined = Reflect.getMetadata(ACCESS_REQUIREMENT, handler);
        const route = `${method} ${UNPREFIXED.has(base) ? join(base, path) : join(prefix, base, path)}`;
        const interceptors: unknown[] = [...(Reflect.getMetadata(INTERCEPTORS_METADATA, controller) ?? []), ...(Reflect.getMetadata(INTERCEPTORS_METADATA, handler) ?? [])];
        return { route, controller: controller.name, handler: name, access: isPublic ? 'public' : (requirement ?? null), fieldAccess: interceptors.includes(FieldAccessInterceptor) };
      });
  });
}

/**
 * Refuses to start a gateway with a route that declares nothing (deny by default, loudly), or with an
 * entity route whose answers and bodies the field-level ACL would not judge (RequirePermission brings
 * it; metadata set by other means would not).
 */
export function assertEveryRouteDeclares(controllers: Type<unknown>[]): void {
  const routes = listRouteDeclarations(controllers);
  const name = (r: RouteDeclaration) => `${r.route} (${r.controller}.${r.handler})`;
  const open = routes.filter((r) => r.access === null);
  if (open.length) throw new Error(`routes without a declared permission or @Public(): ${open.map(name).join(', ')}`);
  const unjudged = routes.filter((r) => r.access !== 'public' && r.access?.kind === 'entity' && !r.fieldAccess);
  if (unjudged.length) throw new Error(`entity routes without the field-level ACL (use RequirePermission): ${unjudged.map(name).join(', ')}`);
}
